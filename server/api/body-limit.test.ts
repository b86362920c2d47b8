// Request bodies are capped before they are read: a Content-Length over the limit is answered at
// once, a body without one is counted as it streams, and the answer is a 413 with a JSON error
// that says what the limit is. Scenario uploads have their own, larger limit.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from './handler';
import { UPLOAD_BODY_LIMIT } from './scenario-router';
import { signIn, startLiveServer, type LiveServer } from '../testing/live-server';

let live: LiveServer;
let cookie: string;

beforeAll(async () => {
  live = await startLiveServer();
  cookie = await signIn(live.url, live.dbPath, 'uploader@school.org');
});
afterAll(async () => {
  await live?.stop();
});

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  json: { error?: { message: string; data: { appCode: string; httpStatus: number } } };
}

/**
 * Sends the headers and then `send` (never ending the body unless `end`), and resolves with the
 * answer. A server that waits for the whole body never answers: the guard turns that into a failure.
 */
function post(path: string, headers: Record<string, string>, send: (write: (chunk: Buffer) => boolean) => Promise<void>, end = false): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(`${live.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: live.url, cookie, ...headers } });
    const guard = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer: the server is still reading the body'));
    }, 15_000);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        clearTimeout(guard);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(text) as Answer['json'] });
      });
    });
    // Once the server has answered and closed, further writes fail; that is expected here.
    req.on('error', () => undefined);
    req.flushHeaders();
    void send((chunk) => req.write(chunk)).then(() => {
      if (end) req.end();
    });
  });
}

const json = (size: number, field = 'email') => {
  const prefix = `{"${field}":"`;
  const suffix = '","password":"x"}';
  return Buffer.from(prefix + 'a'.repeat(size - prefix.length - suffix.length) + suffix);
};

describe('request bodies', { timeout: 20_000 }, () => {
  it('refuses a declared 100 MB body at once, before reading it, with 413 and a JSON error', async () => {
    const answer = await post('/api/trpc/auth.login', { 'content-length': String(100 * 1024 * 1024) }, async (write) => {
      write(Buffer.from('{"email":"'));
    });
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json.error).toMatchObject({ message: 'The request is larger than 1 MB, the most this server accepts for it.', data: { appCode: 'BODY_TOO_LARGE', httpStatus: 413 } });
    expect(answer.headers.connection).toBe('close');
  });

  it('counts a body without Content-Length as it streams and stops at the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const answer = await post('/api/trpc/auth.login', { 'transfer-encoding': 'chunked' }, async (write) => {
      write(Buffer.from('{"email":"'));
      // 1.5 MB, never ended: only a server that counts while streaming can answer.
      for (let sent = 0; sent < 1.5 * 1024 * 1024; sent += chunk.length) {
        if (!write(chunk)) await new Promise((resolve) => setImmediate(resolve));
      }
    });
    expect(answer.status).toBe(413);
    expect(answer.json.error?.data.appCode).toBe('BODY_TOO_LARGE');
  });

  it('reads a body right at the limit, and refuses one byte more', async () => {
    const at = await post('/api/trpc/auth.login', {}, async (write) => void write(json(DEFAULT_BODY_LIMIT)), true);
    // Read and handed to the procedure, whose input schema refuses an email that long.
    expect(at.status).toBe(400);
    expect(at.json.error?.data.appCode).toBe('BAD_REQUEST');
    const over = await post('/api/trpc/auth.login', {}, async (write) => void write(json(DEFAULT_BODY_LIMIT + 1)), true);
    expect(over.status).toBe(413);
  });

  it('gives scenario uploads their own, larger limit', async () => {
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(DEFAULT_BODY_LIMIT);
    const upload = (size: number) => {
      const prefix = '{"format":"yaml","text":"';
      return Buffer.from(prefix + 'a'.repeat(size - prefix.length - 2) + '"}');
    };
    const big = await post('/api/trpc/scenario.upload', {}, async (write) => void write(upload(DEFAULT_BODY_LIMIT + 1024)), true);
    // Past the body check: the procedure itself says the file is too large.
    expect(big.status).toBe(400);
    expect(big.json.error?.data.appCode).toBe('BAD_REQUEST');
    const tooBig = await post('/api/trpc/scenario.upload', { 'content-length': String(UPLOAD_BODY_LIMIT + 1) }, async () => undefined);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error?.message).toBe('The request is larger than 2 MB, the most this server accepts for it.');
    // Another procedure in the same batch does not borrow the upload's limit.
    const borrowed = await post('/api/trpc/auth.login?batch=1', { 'content-length': String(DEFAULT_BODY_LIMIT + 1) }, async () => undefined);
    expect(borrowed.status).toBe(413);
  });

  it('keeps serving after refusing', async () => {
    expect((await fetch(`${live.url}/healthz`)).status).toBe(200);
  });
});
