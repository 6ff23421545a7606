import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionInvoker } from '../lambda/local-functions.js';
import { apiGatewayEvent } from './api-gateway-event.js';
import { matchRoute } from './route-matcher.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit

export interface HttpGateway {
  readonly url: string;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  const body = result.body ?? '';
  response.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

const plain = (statusCode: number, message: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
});

/** A route the local gateway answers itself (local mode's stand-in for Cognito's hosted sign-in). */
export type LocalRouteHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The local stand-in for API Gateway's HTTP API: routes by the shared route table and hands
 * each request to the same Lambda handler as an API Gateway v2 event, except the routes in
 * `localRoutes` (by route key), which local-only code answers without any Lambda bundle holding it.
 */
export async function startHttpGateway(options: {
  functions: FunctionInvoker;
  localRoutes?: Readonly<Record<string, LocalRouteHandler>>;
  port: number;
  host?: string;
  onError?: (error: unknown) => void;
}): Promise<HttpGateway> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const match = matchRoute(request.method ?? 'GET', url.pathname);
        if (match === undefined) return send(response, plain(404, 'Not Found'));
        if (match === 'method-not-allowed') return send(response, plain(405, 'Method Not Allowed'));
        const body = await readBody(request);
        if (body === undefined) return send(response, plain(413, 'Request Entity Too Large'));
        const event = apiGatewayEvent(request, body, match);
        const local = options.localRoutes?.[event.routeKey];
        const result = local ? await local(event) : ((await options.functions.invoke(match.route.function, event)) as APIGatewayProxyStructuredResultV2);
        send(response, result);
      } catch (error) {
        options.onError?.(error);
        if (!response.headersSent) send(response, plain(500, 'Internal Server Error'));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
