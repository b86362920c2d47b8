// The server's log: one JSON line per event (pino), for operators and log collectors. Fields are
// data (ids, counts, codes), never what people wrote and never secrets: message texts, passwords,
// cookies and tokens stay out, and the redaction below is a second line of defence, not the first.
import pino, { type DestinationStream } from 'pino';

/** Structured context for a line: ids, counts, codes. Values are serialised as JSON. */
export type LogFields = Record<string, unknown>;

/** Where the server writes what operators need to see; tests pass a silent one. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
}

/** Keys that must never reach the log, wherever they appear one level deep. */
const REDACTED = ['password', 'token', 'cookie', 'text', 'authorization'];

/** A JSON-lines logger writing to `destination` (stdout by default). */
export function createLogger(destination?: DestinationStream): Logger {
  const base = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: the line reads without a table of numbers.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED, ...REDACTED.map((key) => `*.${key}`)], censor: '[redacted]' },
    },
    // Synchronous writes: the log is a few lines a minute, and a line written just before a crash
    // (or a kill -9) must not sit in a buffer.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return {
    info: (message, fields) => base.info(fields ?? {}, message),
    error: (message, error, fields) => base.error({ ...fields, ...(error === undefined ? {} : { err: error }) }, message),
  };
}

let stdoutLogger: Logger | undefined;
const onStdout = (): Logger => (stdoutLogger ??= createLogger());

/** The default: JSON lines on stdout, opened on first use. */
export const consoleLogger: Logger = {
  info: (message, fields) => onStdout().info(message, fields),
  error: (message, error, fields) => onStdout().error(message, error, fields),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
