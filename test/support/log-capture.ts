import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Log capture for the "no personal data in logs" check (issue 13 point 5): while the integration
 * and browser tiers run, every structured log line the local runtime writes in a test process is
 * appended to a file in `dir` instead of the terminal, and when a stack stops, the personal data
 * its stores held (names, e-mail addresses, phone numbers of customers and requesters) is written
 * beside it. The run's global teardown then looks for the one in the other.
 */
export const LOG_CAPTURE_DIR_VARIABLE = 'DSR_LOG_CAPTURE_DIR';

let installed = false;

/** Tees structured (JSON) log lines written to stdout/stderr into `dir`; other output passes through. */
export function captureLogLines(dir: string): void {
  if (installed) return;
  installed = true;
  const file = join(dir, `logs-${process.pid}.jsonl`);
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      const logLines = lines.filter(isStructuredLogLine);
      if (logLines.length > 0) appendFileSync(file, `${logLines.join('\n')}\n`);
      if (logLines.length === lines.length) {
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }
      return original(chunk, ...rest);
    }) as typeof stream.write;
  }
}

function isStructuredLogLine(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    return typeof parsed.level === 'string' || typeof parsed.level === 'number';
  } catch {
    return false;
  }
}

/** Attributes of stored items that hold a person's name, address or phone number. */
const PERSONAL_ATTRIBUTES = /^(name|fullName|firstName|lastName|email|phone|mobile|address|street|postalAddress|requesterName|requesterEmail|requesterPhone)$/i;

/**
 * Writes the personal values every table of the stack holds (a test-only scan, after the tests ran) to a
 * file in `dir`, for the teardown's search of the logs.
 */
export async function recordPersonalData(dir: string, client: DynamoDBClient): Promise<void> {
  const values = new Set<string>();
  const tableNames = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  for (const TableName of tableNames) {
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey })).catch(() => undefined);
      if (!page) break;
      for (const item of page.Items ?? []) {
        const found = new Set<string>();
        collectPersonalValues(unmarshall(item), found);
        for (const value of found) if (isCustomerTable(TableName) || looksLikeContact(value)) values.add(value);
      }
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
  }
  writeFileSync(join(dir, `personal-data-${process.pid}-${Date.now()}.json`), JSON.stringify([...values]));
}

/**
 * The seeded customer stores hold real-looking people; the requests table also holds what the
 * hostile-input tests typed as a "name" (`undefined`, `constructor`…), which would match ordinary
 * log words, so from there only e-mail addresses and phone numbers count.
 */
const isCustomerTable = (tableName: string): boolean => !/request/i.test(tableName);
const looksLikeContact = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || /^\+?\d[\d\s]{7,}$/.test(value);

function collectPersonalValues(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (PERSONAL_ATTRIBUTES.test(key) && value.trim().length >= 6) into.add(value.trim());
    return;
  }
  if (Array.isArray(value)) {
    for (const entry of value) collectPersonalValues(entry, into, key);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value)) collectPersonalValues(child, into, childKey);
  }
}
