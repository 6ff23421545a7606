import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalStack } from '../infra/local/local-stack.js';
import { consolePageTimes } from './console-bench.js';
import { queueAtScale, queueAtScaleLines } from './queue-bench.js';
import { gatherFlatness } from './gather-bench.js';
import { intakeRate, rawPutItemRate } from './intake-bench.js';
import { transitionsPerType } from './transitions-bench.js';
import { inboxThroughput } from './inbox-bench.js';
import { recognitionFigures, recognitionLines } from './recognition-bench.js';
import { parseInboundMessage } from '../functions/domain/inbox/parse-inbound-message.js';
import { recognise } from '../functions/domain/inbox/recognise.js';
import { LOCAL_CUSTOMER_DATA_TABLE_NAMES } from '../functions/adapters/dynamodb/customer-data-tables-layout.js';
import { workflowLoad, type WorkflowLoadFigures } from './workflow-load-bench.js';
import { enumerationTiming, enumerationTimingLines } from './enumeration-timing-bench.js';
import { benchMachine, jsonReportPath, writeJsonReport } from './bench-report.js';
import { defaultWorkerCount } from '../infra/local/lambda/function-worker-pool.js';
import { BENCH_BUNDLE_DIR, documentLibrariesBytes, functionFigures, functionFiguresTable } from './function-bundles.js';
import { DOCUMENT_LIBRARY_FUNCTIONS } from '../infra/constructs/document-libraries-layer.js';
import { dynamoDbSdkFile } from '../infra/constructs/dynamodb-sdk-layer.js';

/**
 * Bundle size and cold start of every function, built as CDK builds them. Runs first, while
 * nothing else of the bench is loading the machine.
 */
async function printFunctionFigures(): Promise<Record<string, unknown>> {
  const figures = await functionFigures(BENCH_BUNDLE_DIR, Number(process.env.BENCH_COLD_STARTS ?? 5));
  const byFunction = Object.fromEntries(
    figures.map((figure) => [
      figure.folder,
      { bytes: figure.bytes, coldInitMillis: Math.round(figure.coldInitMillis), coldInitCpuMillis: Math.round(figure.coldInitCpuMillis) },
    ]),
  );
  // Built beside the bundles by `functionFigures`, where they load it from.
  const dynamoDbLayerBytes = statSync(dynamoDbSdkFile(join(BENCH_BUNDLE_DIR, 'node_modules'))).size;
  const layer = documentLibrariesBytes(join(BENCH_BUNDLE_DIR, '..', 'document-libraries-layer'));
  const layerBytes = Object.values(layer).reduce((sum, bytes) => sum + bytes, 0);
  process.stdout.write(
    [
      ...functionFiguresTable(figures),
      `DynamoDB client layer (every function; loaded at start-up, so in the cold init above): ${(dynamoDbLayerBytes / 1024).toFixed(0)} KiB`,
      `Document libraries layer (${DOCUMENT_LIBRARY_FUNCTIONS.join(', ')}; loaded only when a raw mail is read or a PDF made): ${(layerBytes / 1024).toFixed(0)} KiB`,
      `  ${Object.entries(layer).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KiB`).join(', ')}`,
      '',
      `BENCH_FUNCTIONS ${JSON.stringify(byFunction)}`,
      '',
    ].join('\n'),
  );
  return { ...byFunction, dynamoDbClientLayer: { bytes: dynamoDbLayerBytes }, documentLibrariesLayer: { bytes: layerBytes } };
}

/**
 * `npm run bench`: speed figures of the local system, printed as a table and one JSON line so
 * runs can be compared. Figures depend on the machine; the ratio is the portable number.
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const reportPath = jsonReportPath(process.argv.slice(2));
  const machine = benchMachine();
  const report: Record<string, unknown> = { machine };
  // `npm run bench -- load` runs only the whole workflow under load; `-- queue` only the queue at scale.
  const onlyLoad = process.argv.includes('load');
  const onlyQueue = process.argv.includes('queue');
  if (!onlyLoad && !onlyQueue) report.functions = await printFunctionFigures();
  // `npm run bench -- functions` stops here (no local stack needed).
  if (process.argv.includes('functions')) {
    if (reportPath) writeJsonReport(reportPath, report);
    return;
  }
  if (!onlyLoad) {
    // The queue with thousands of open cases, on a stack of its own.
    const queueStack = await startLocalStack({ port: 0, sesPort: 0, smtpPort: 0, logLevel: 'silent', redrive: false });
    try {
      const queue = await queueAtScale(queueStack, Number(process.env.BENCH_QUEUE_OPEN ?? 10_000));
      report.queue = queue;
      process.stdout.write(queueAtScaleLines(queue).join('\n'));
    } finally {
      await queueStack.stop();
    }
    if (onlyQueue) {
      if (reportPath) writeJsonReport(reportPath, report);
      return;
    }
  }
  if (!onlyLoad) await printStackFigures(report);
  await printWorkflowLoad(report);
  if (!onlyLoad) await printInboxFigures(report);
  if (reportPath) {
    writeJsonReport(reportPath, report);
    process.stdout.write(`Every figure written to ${reportPath}\n`);
  }
}

/** Intake, gather, transitions and console figures, from one run on the local stack. */
async function printStackFigures(report: Record<string, unknown>): Promise<void> {
  const intakeTotal = Number(process.env.BENCH_INTAKE_REQUESTS ?? 400);
  const putTotal = Number(process.env.BENCH_PUT_ITEMS ?? 2000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
  const stack = await startLocalStack({ port: 0, sesPort: 0, smtpPort: 0, logLevel: 'silent', redrive: false });
  try {
    const client = new DynamoDBClient({});
    await rawPutItemRate(client, 200, concurrency); // warm-up: JIT and DynamoDB Local's SQLite
    await intakeRate(stack.urls.app, 50, concurrency);
    const raw = await rawPutItemRate(client, putTotal, concurrency);
    const intake = await intakeRate(stack.urls.app, intakeTotal, concurrency);
    const transitions = await transitionsPerType(stack);
    const consolePages = await consolePageTimes(stack, Number(process.env.BENCH_CONSOLE_ROUNDS ?? 20));
    const sizes = (process.env.BENCH_GATHER_SIZES ?? '10000,100000,1000000').split(',').map(Number);
    const gather = await gatherFlatness(client, { ...LOCAL_CUSTOMER_DATA_TABLE_NAMES, accessLog: 'bench-access-log', customers: 'bench-customers', billing: 'bench-billing' }, sizes);
    const figures = {
      intakeFormPostsPerSecond: Number(intake.toFixed(1)),
      rawPutItemsPerSecond: Number(raw.toFixed(1)),
      intakeToRawRatio: Number((intake / raw).toFixed(3)),
      concurrency,
      intakeRequests: intakeTotal,
      putItems: putTotal,
      node: process.version,
      gather: gather.map((point) => ({ totalEvents: point.totalEvents, customerEvents: point.customerEvents, millis: Number(point.millis.toFixed(1)) })),
      transitions: Object.fromEntries(transitions.map((count) => [count.path, count.states])),
      marketingStopMillis: Object.fromEntries(
        transitions.filter((count) => count.stopMillis !== undefined).map((count) => [count.path, Math.round(count.stopMillis!)]),
      ),
      console: {
        openCases: consolePages.open,
        pages: Object.fromEntries(
          consolePages.figures.map((figure) => [figure.page, { medianMillis: Number(figure.medianMillis.toFixed(1)), p90Millis: Number(figure.p90Millis.toFixed(1)), bytes: figure.bytes }]),
        ),
      },
    };
    process.stdout.write(
      [
        'Intake (form POST → gateway → handler → DynamoDB Local → workflow start)',
        `  intake rate            ${figures.intakeFormPostsPerSecond} requests/s  (${intakeTotal} POSTs, ${concurrency} in flight)`,
        `  raw PutItem rate       ${figures.rawPutItemsPerSecond} items/s     (${putTotal} PutItems, ${concurrency} in flight)`,
        `  intake / raw           ${figures.intakeToRawRatio}`,
        '',
        'Gather one customer (2,000 door events, profile, invoices) as the access log grows',
        ...gather.map(
          (point) =>
            `  ${point.totalEvents.toLocaleString('en-US').padStart(9)} events in table   ${point.millis.toFixed(1).padStart(7)} ms  (filled at ${Math.round(point.fillEventsPerSecond)} events/s)`,
        ),
        '',
        'State transitions per request, end to end (verified by code, approved, carried out, replied, closed)',
        ...transitions.map(
          (count) =>
            `  ${count.path.padEnd(20)} ${count.states}${count.stopMillis === undefined ? '' : `  (marketing stop: no code, no decision; closed ${Math.round(count.stopMillis)} ms after the POST)`}`,
        ),
        '',
        `Staff console, signed in, with ${consolePages.open} open cases in the queue (median / 90th percentile of ${process.env.BENCH_CONSOLE_ROUNDS ?? 20} loads)`,
        ...consolePages.figures.map(
          (figure) =>
            `  ${figure.page.padEnd(22)} ${figure.medianMillis.toFixed(1).padStart(7)} ms / ${figure.p90Millis.toFixed(1).padStart(7)} ms  (${Math.round(figure.bytes / 1024)} KiB)`,
        ),
        '',
        `BENCH ${JSON.stringify(figures)}`,
        '',
      ].join('\n'),
    );
    // Abuse: whether a customer's address or phone shows in how long the answers take.
    const enumeration = await enumerationTiming(stack, Number(process.env.BENCH_ENUMERATION_ROUNDS ?? 30));
    process.stdout.write([...enumerationTimingLines(enumeration), '', `BENCH_ENUMERATION ${JSON.stringify(enumeration)}`, ''].join('\n'));
    report.enumerationTiming = enumeration;
    Object.assign(report, { intake: { formPostsPerSecond: figures.intakeFormPostsPerSecond, rawPutItemsPerSecond: figures.rawPutItemsPerSecond, intakeToRawRatio: figures.intakeToRawRatio, requests: intakeTotal, putItems: putTotal, concurrency }, gather: figures.gather, transitions: figures.transitions, console: figures.console });
  } finally {
    await stack.stop();
  }
}

/** Worker threads the load run's functions use: `BENCH_LOAD_WORKERS` (0 = on the main thread), else one per core. */
const loadWorkers = (): number => Number(process.env.BENCH_LOAD_WORKERS ?? defaultWorkerCount());

/** The whole workflow under load. */
async function printWorkflowLoad(report: Record<string, unknown>): Promise<void> {
  // The whole workflow under load, on a stack of its own so the intake run's cases do not count.
  // BENCH_LOAD_LOG_LEVEL=error shows why a step or the inbox failed (no personal data in logs).
  const logLevel = (process.env.BENCH_LOAD_LOG_LEVEL as 'error' | undefined) ?? 'silent';
  const loadStack = await startLocalStack({ port: 0, sesPort: 0, smtpPort: 0, logLevel, redrive: false, functionWorkers: loadWorkers() });
  let load: WorkflowLoadFigures;
  try {
    load = await workflowLoad(loadStack, { total: Number(process.env.BENCH_LOAD_REQUESTS ?? 1000), concurrency: Number(process.env.BENCH_LOAD_CONCURRENCY ?? 16) });
  } finally {
    await loadStack.stop();
  }
  report.workflowLoad = load;
  process.stdout.write(
    [
      `Whole workflow under load (${load.requests} requests: ${load.byChannel.web} by form, ${load.byChannel.email} by mail; every type; code entered, staff approval, reply, closed)`,
      `  closed                 ${load.closed} of ${load.requests} in ${load.seconds} s  (${load.closedPerSecond} closed/s)`,
      `  lost / duplicated      ${load.lost} / ${load.duplicated}`,
      `  unfinished             ${Object.entries(load.unfinished).map(([where, count]) => `${count} ${where}`).join(', ') || 'none'}  (sent again after «try again later»: ${load.retries.mail} mails; codes entered again after a 5xx: ${load.retries.verify})`,
      `  to acknowledgement     p50 ${load.acknowledgementMillis.p50} ms, p95 ${load.acknowledgementMillis.p95} ms`,
      `  to closing             p50 ${load.closingMillis.p50} ms, p95 ${load.closingMillis.p95} ms`,
      `  peak memory            runtime ${load.peakMemoryMiB.runtime} MiB, DynamoDB Local ${load.peakMemoryMiB.dynamoDbLocal} MiB`,
      `  CPU time               runtime ${load.cpuSeconds.runtime} s, DynamoDB Local ${load.cpuSeconds.dynamoDbLocal} s  (${load.cpuSecondsPerRequest} s a request; ${loadWorkers()} function workers)`,
      `  AWS calls a request    ${load.awsCallsPerRequest.total}  (${Object.entries(load.awsCallsPerRequest.byService).map(([service, calls]) => `${service} ${calls}`).join(', ')})`,
      '',
      `BENCH_LOAD ${JSON.stringify(load)}`,
      '',
    ].join('\n'),
  );
}

/** Recognition accuracy and the inbox's throughput, on emulators of their own. */
async function printInboxFigures(report: Record<string, unknown>): Promise<void> {
  // The inbox figures run after the stack is stopped, on emulators of their own.
  const recognition = await recognitionFigures();
  const inbox = await inboxThroughput({
    total: Number(process.env.BENCH_INBOX_MESSAGES ?? 200),
    concurrency: 8,
    reading: { parse: (raw) => parseInboundMessage(raw), recognise },
  });
  process.stdout.write(
    [
      'Inbox (corpus of hand-written mails; SMTP → S3 → intake → DynamoDB Local)',
      ...recognitionLines('tuning', recognition.tuning),
      ...recognitionLines('sealed', recognition.sealed),
      `  parse + recognise              ${Math.round(recognition.messagesPerSecond)} messages/s`,
      `  through the inbox              ${inbox.messagesPerSecond.toFixed(1)} messages/s  (${inbox.total} mails, ${inbox.concurrency} connections)`,
      '',
      `BENCH_INBOX ${JSON.stringify({
        tuning: recognition.tuning,
        sealed: recognition.sealed,
        recognitionMessagesPerSecond: Math.round(recognition.messagesPerSecond),
        inboxMessagesPerSecond: Number(inbox.messagesPerSecond.toFixed(1)),
      })}`,
      '',
    ].join('\n'),
  );
  report.inbox = {
    recognition,
    inboxMessagesPerSecond: Number(inbox.messagesPerSecond.toFixed(1)),
    inboxMessages: inbox.total,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
