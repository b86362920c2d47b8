import type { ServerResponse } from 'node:http';

/** JSON-RPC codes tRPC uses for the HTTP statuses we answer before tRPC runs. */
const RPC_CODES = {
  BAD_REQUEST: { rpc: -32600, http: 400 },
  FORBIDDEN: { rpc: -32003, http: 403 },
  PAYLOAD_TOO_LARGE: { rpc: -32013, http: 413 },
  TOO_MANY_REQUESTS: { rpc: -32029, http: 429 },
} as const;

export type GuardCode = keyof typeof RPC_CODES;

/**
 * Answers with an error shaped as tRPC's own (`error.message`, `error.data.code`, `error.data.appCode`),
 * so the browser's tRPC client shows the message and a plain HTTP client reads a clear JSON body.
 */
export function sendJsonError(
  res: ServerResponse,
  code: GuardCode,
  appCode: string,
  message: string,
  options: { headers?: Record<string, string>; path?: string } = {},
): void {
  const { rpc, http } = RPC_CODES[code];
  const body = { error: { message, code: rpc, data: { code, httpStatus: http, appCode, ...(options.path ? { path: options.path } : {}) } } };
  res.writeHead(http, { 'content-type': 'application/json', 'cache-control': 'no-store', ...options.headers }).end(JSON.stringify(body));
}
