import type { CommandAck, PlayerCommand, Result } from '../server/realtime/protocol';
// Type-only import above: the browser uses this module, and zod must stay out of its bundle.

export type SendResult = Result<CommandAck>;

/** What the sender needs of a socket.io-client socket. */
export interface CommandSocket {
  readonly connected: boolean;
  timeout(ms: number): { emit(event: 'command', payload: unknown, ack: (error: Error | null, result?: SendResult) => void): void };
}

interface Pending {
  command: PlayerCommand;
  resolve: (result: SendResult) => void;
  /** Sends so far; an unanswered one is sent again with the same id. */
  tries: number;
  giveUp: ReturnType<typeof setTimeout>;
}

export interface CommandSenderOptions {
  /** How long one try waits for its ack while connected. */
  timeoutMs?: number;
  /** Tries while connected before giving up (a lost connection does not count). */
  maxTries?: number;
  /** After this long without an answer, give up whatever the connection does. */
  giveUpMs?: number;
}

/** 128 random bits, base64url: `crypto.getRandomValues` works on plain-http pages, unlike `randomUUID`. */
export function newCommandId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Sends commands with an id each and resolves with the server's answer. A command whose ack was
 * lost (the connection dropped, or no answer in time) is sent again with the same id, so the
 * server answers it instead of doing it twice. Call `resend()` after every (re)connection and
 * `close()` when the socket is gone for good. Used by the browser; tests drive it too.
 */
export class CommandSender {
  private pending = new Map<string, Pending>();
  private readonly timeoutMs: number;
  private readonly maxTries: number;
  private readonly giveUpMs: number;

  constructor(
    private readonly socket: CommandSocket,
    options: CommandSenderOptions = {},
    private readonly newId: () => string = newCommandId,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxTries = options.maxTries ?? 3;
    this.giveUpMs = options.giveUpMs ?? 60_000;
  }

  send(command: PlayerCommand): Promise<SendResult> {
    if (!this.socket.connected) {
      return Promise.resolve({ ok: false, code: 'INTERNAL', message: 'You are offline. Wait until the connection is back, then try again.' });
    }
    const id = this.newId();
    return new Promise<SendResult>((resolve) => {
      const giveUp = setTimeout(() => this.settle(id, { ok: false, code: 'INTERNAL', message: 'The server did not answer in time. Check your connection and try again.' }), this.giveUpMs);
      this.pending.set(id, { command, resolve, tries: 0, giveUp });
      this.emit(id);
    });
  }

  /** Ids of commands still waiting for an answer. */
  get waiting(): string[] {
    return [...this.pending.keys()];
  }

  /** Sends again, with their ids, the commands that got no answer before the connection dropped. */
  resend(): void {
    for (const id of this.pending.keys()) this.emit(id);
  }

  /** Gives up on everything pending (the page is leaving the room, or joining as someone else). */
  close(message = 'The connection was closed before the server answered.'): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, code: 'INTERNAL', message });
  }

  private emit(id: string): void {
    const entry = this.pending.get(id);
    if (!entry || !this.socket.connected) return;
    entry.tries++;
    this.socket.timeout(this.timeoutMs).emit('command', { ...entry.command, commandId: id }, (error, result) => {
      if (!this.pending.has(id)) return;
      if (!error && result) return this.settle(id, result);
      // Disconnected: `resend()` sends it again on reconnection. Timed out while connected: again now.
      if (!this.socket.connected) return;
      if (entry.tries < this.maxTries) return this.emit(id);
      this.settle(id, { ok: false, code: 'INTERNAL', message: 'The server did not answer in time. Check your connection and try again.' });
    });
  }

  private settle(id: string, result: SendResult): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.giveUp);
    entry.resolve(result);
  }
}
