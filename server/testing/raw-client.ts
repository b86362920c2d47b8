// A Socket.IO client written from the wire protocol (Engine.IO 4 over HTTP long-polling, Socket.IO
// 5 packets) with nothing automatic: it reads only when the test says so. It plays the client that
// sends and never reads, which socket.io-client cannot be made to do.
import { PROTOCOL_VERSION } from '../../shared/version';

const SEPARATOR = '\x1e';

export interface RawPacket {
  /** Socket.IO packet type: 0 connect, 2 event, 3 ack, 4 connect error; 'ping' for Engine.IO pings. */
  type: '0' | '2' | '3' | '4' | 'ping' | 'other';
  ackId: number | null;
  data: unknown;
}

function parse(text: string): RawPacket[] {
  if (text === '') return [];
  return text.split(SEPARATOR).map((raw) => {
    if (raw === '2') return { type: 'ping', ackId: null, data: null };
    if (!raw.startsWith('4')) return { type: 'other', ackId: null, data: raw };
    const match = /^4([0-6])(\d*)(.*)$/s.exec(raw);
    if (!match) return { type: 'other', ackId: null, data: raw };
    const type = match[1] as RawPacket['type'];
    return { type, ackId: match[2] ? Number(match[2]) : null, data: match[3] ? (JSON.parse(match[3]) as unknown) : null };
  });
}

export class RawPollingClient {
  private nextAck = 1;

  private constructor(
    private readonly url: string,
    readonly sid: string,
  ) {}

  /** Opens an Engine.IO session and sends the Socket.IO connect packet with this handshake `auth`. */
  static async connect(url: string, auth: Record<string, unknown>): Promise<RawPollingClient> {
    const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
    const text = await res.text();
    if (!res.ok || !text.startsWith('0')) throw new Error(`no Engine.IO session: ${res.status} ${text}`);
    const client = new RawPollingClient(url, (JSON.parse(text.slice(1)) as { sid: string }).sid);
    await client.post([`40${JSON.stringify({ v: PROTOCOL_VERSION, ...auth })}`]);
    return client;
  }

  private get endpoint(): string {
    return `${this.url}/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(this.sid)}`;
  }

  async post(packets: string[]): Promise<void> {
    const res = await fetch(this.endpoint, { method: 'POST', body: packets.join(SEPARATOR), headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    if (!res.ok) throw new Error(`POST refused: ${res.status} ${await res.text()}`);
  }

  /** An event packet; with `ack`, the server's answer arrives as an ack packet with the returned id. */
  event(name: string, args: unknown[] = [], ack = true): { packet: string; ackId: number | null } {
    const ackId = ack ? this.nextAck++ : null;
    return { packet: `42${ackId ?? ''}${JSON.stringify([name, ...args])}`, ackId };
  }

  /** One long-poll: what the server has queued for this client (it answers at once when there is some). */
  async read(timeoutMs = 5000): Promise<{ status: number; packets: RawPacket[] }> {
    const res = await fetch(this.endpoint, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, packets: res.ok ? parse(text) : [] };
  }

  /** Reads until a packet matches (answering pings), or fails after `timeoutMs`. */
  async readUntil(match: (p: RawPacket) => boolean, timeoutMs = 5000): Promise<RawPacket[]> {
    const seen: RawPacket[] = [];
    const deadline = Date.now() + timeoutMs;
    while (!seen.some(match)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching packet in ${timeoutMs} ms: ${JSON.stringify(seen).slice(0, 500)}`);
      const { status, packets } = await this.read(left);
      if (status !== 200) throw new Error(`read refused: ${status}`);
      seen.push(...packets);
      if (packets.some((p) => p.type === 'ping')) await this.post(['3']);
    }
    return seen;
  }
}

/** The events (name and first argument) among raw packets. */
export function eventsIn(packets: RawPacket[]): { name: string; arg: unknown }[] {
  return packets.filter((p) => p.type === '2' && Array.isArray(p.data)).map((p) => {
    const [name, arg] = p.data as [string, unknown];
    return { name, arg };
  });
}
