import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import {
  SerializationError,
  StepFunctionsApiError,
  UnknownOperationError,
  ValidationError,
} from './api-errors.js';
import type { ExecutionDescription, ExecutionListItem, LocalStepFunctions } from './local-executor.js';

/** Options for {@link startSfnApiServer}. */
export interface SfnApiServerOptions {
  executor: LocalStepFunctions;
  /** Interface to listen on; only this one. Defaults to loopback. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one, reported in `url`. */
  port?: number;
}

/** A running endpoint; point `AWS_ENDPOINT_URL_SFN` (or the SFNClient `endpoint`) at `url`. */
export interface SfnApiServer {
  readonly url: string;
  close(): Promise<void>;
}

const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const MAX_BODY_BYTES = 1024 * 1024;

const statusSchema = z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

interface Operation<S extends z.ZodMiniType> {
  schema: S;
  run(executor: LocalStepFunctions, request: z.infer<S>): unknown;
}

function operation<S extends z.ZodMiniType>(schema: S, run: Operation<S>['run']): Operation<S> {
  return { schema, run };
}

/** The Step Functions operations served locally; request fields as in the AWS API. */
const OPERATIONS: Record<string, Operation<z.ZodMiniType>> = {
  StartExecution: operation(
    z.object({ stateMachineArn: z.string(), name: z.optional(z.string()), input: z.optional(z.string()) }),
    (executor, request) => {
      const result = executor.startExecution(request);
      return { executionArn: result.executionArn, startDate: epochSeconds(result.startDate) };
    },
  ),
  DescribeExecution: operation(z.object({ executionArn: z.string() }), (executor, request) =>
    describeBody(executor.describeExecution(request.executionArn)),
  ),
  StopExecution: operation(
    z.object({ executionArn: z.string(), error: z.optional(z.string()), cause: z.optional(z.string()) }),
    (executor, { executionArn, ...details }) => ({
      stopDate: epochSeconds(executor.stopExecution(executionArn, details).stopDate),
    }),
  ),
  ListExecutions: operation(
    z.object({
      stateMachineArn: z.string(),
      statusFilter: z.optional(statusSchema),
      maxResults: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))),
      nextToken: z.optional(z.string()),
    }),
    (executor, request) => {
      const all = executor.listExecutions(request);
      const start = request.nextToken === undefined ? 0 : Number.parseInt(request.nextToken, 10) || 0;
      const pageSize = request.maxResults || 100;
      const page = all.slice(start, start + pageSize);
      const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
      return { executions: page.map(listItemBody), ...(next ? { nextToken: next } : {}) };
    },
  ),
  SendTaskSuccess: operation(z.object({ taskToken: z.string(), output: z.string() }), (executor, request) => {
    executor.sendTaskSuccess(request.taskToken, request.output);
    return {};
  }),
  SendTaskFailure: operation(
    z.object({ taskToken: z.string(), error: z.optional(z.string()), cause: z.optional(z.string()) }),
    (executor, { taskToken, ...details }) => {
      executor.sendTaskFailure(taskToken, details);
      return {};
    },
  ),
  SendTaskHeartbeat: operation(z.object({ taskToken: z.string() }), (executor, request) => {
    executor.sendTaskHeartbeat(request.taskToken);
    return {};
  }),
};

/**
 * Serves the local executor over the AWS JSON 1.0 protocol Step Functions uses (POST /,
 * `X-Amz-Target: AWSStepFunctions.<Operation>`), so application code keeps using
 * `@aws-sdk/client-sfn` unchanged and gets the same named exceptions (errors are answered as
 * 400 `{"__type": "<Code>", "message": "…"}`).
 */
export async function startSfnApiServer(options: SfnApiServerOptions): Promise<SfnApiServer> {
  const { executor, host = '127.0.0.1', port = 0 } = options;
  const server = createServer((request, response) => {
    void handle(executor, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(executor: LocalStepFunctions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  try {
    const target = request.headers['x-amz-target'];
    const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    const op = request.method === 'POST' && Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!op) throw new UnknownOperationError(`Unknown operation: ${String(target)}`);
    const body = await readJsonBody(request);
    // English messages, as AWS's own validation errors are (zod/mini has none of its own).
    const parsed = op.schema.safeParse(body, { error: en().localeError });
    if (!parsed.success) {
      throw new ValidationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    }
    send(response, 200, requestId, op.run(executor, parsed.data));
  } catch (error) {
    if (error instanceof StepFunctionsApiError) {
      send(response, 400, requestId, { __type: error.code, message: error.message }, error.code);
    } else {
      send(response, 500, requestId, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure');
    }
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SerializationError('Request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SerializationError('Request body is not valid JSON');
  }
}

function send(response: ServerResponse, status: number, requestId: string, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}

/** AWS JSON protocol timestamps: seconds since the epoch, as a number. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function describeBody(description: ExecutionDescription): Record<string, unknown> {
  const { startDate, stopDate, output, ...rest } = description;
  return {
    ...rest,
    startDate: epochSeconds(startDate),
    ...(stopDate ? { stopDate: epochSeconds(stopDate) } : {}),
    inputDetails: { included: true },
    ...(output !== undefined ? { output, outputDetails: { included: true } } : {}),
  };
}

function listItemBody(item: ExecutionListItem): Record<string, unknown> {
  const { startDate, stopDate, ...rest } = item;
  return { ...rest, startDate: epochSeconds(startDate), ...(stopDate ? { stopDate: epochSeconds(stopDate) } : {}) };
}
