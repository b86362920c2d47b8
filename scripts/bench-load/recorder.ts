// What one load worker measures for the window the parent names: messages sent in it (by table),
// their acks, and their deliveries (receive time − send time on the shared monotonic clock).
import { encode, newHistogram, recordMs } from './histogram';

export interface Window {
  from: number;
  to: number;
}

export interface WorkerReport {
  delivery: string;
  ack: string;
  /** Messages sent in the window, by table key. */
  sentByTable: Record<string, number>;
  delivered: number;
  acked: number;
  refusals: Record<string, number>;
  /** Sent in the window with no ack yet (or none within the ack timeout). */
  unanswered: number;
  /** Deliveries of messages sent before the window (warm-up), not counted anywhere else. */
  outside: number;
  /** Sockets the server or the network closed (not the bench), by reason. */
  disconnects: Record<string, number>;
}

export class Recorder {
  private window: Window = { from: Infinity, to: -Infinity };
  private delivery = newHistogram();
  private ack = newHistogram();
  private sentByTable: Record<string, number> = {};
  private sent = 0;
  delivered = 0;
  private acked = 0;
  private refusals: Record<string, number> = {};
  private outside = 0;
  private disconnects: Record<string, number> = {};

  start(window: Window): void {
    this.window = window;
  }

  private inWindow(sentAt: number): boolean {
    return sentAt >= this.window.from && sentAt < this.window.to;
  }

  sentMessage(table: string, sentAt: number): void {
    if (!this.inWindow(sentAt)) return;
    this.sentByTable[table] = (this.sentByTable[table] ?? 0) + 1;
    this.sent++;
  }

  /** `code` null for an accepted message; a refusal's code, or TIMEOUT, otherwise. */
  acknowledged(sentAt: number, at: number, code: string | null): void {
    if (!this.inWindow(sentAt)) return;
    if (code === null) {
      this.acked++;
      recordMs(this.ack, at - sentAt);
    } else {
      this.refusals[code] = (this.refusals[code] ?? 0) + 1;
    }
  }

  received(sentAt: number, at: number): void {
    if (!this.inWindow(sentAt)) {
      this.outside++;
      return;
    }
    this.delivered++;
    recordMs(this.delivery, at - sentAt);
  }

  disconnected(reason: string): void {
    this.disconnects[reason] = (this.disconnects[reason] ?? 0) + 1;
  }

  counts(): { sent: number; delivered: number; unanswered: number; sentByTable: Record<string, number> } {
    return { sent: this.sent, delivered: this.delivered, unanswered: this.unanswered(), sentByTable: this.sentByTable };
  }

  private unanswered(): number {
    return this.sent - this.acked - Object.values(this.refusals).reduce((a, b) => a + b, 0);
  }

  /** The window's figures, then a fresh recorder state for the next window. */
  report(): WorkerReport {
    const report: WorkerReport = {
      delivery: encode(this.delivery),
      ack: encode(this.ack),
      sentByTable: this.sentByTable,
      delivered: this.delivered,
      acked: this.acked,
      refusals: this.refusals,
      unanswered: this.unanswered(),
      outside: this.outside,
      disconnects: this.disconnects,
    };
    this.delivery.destroy();
    this.ack.destroy();
    this.delivery = newHistogram();
    this.ack = newHistogram();
    this.sentByTable = {};
    this.sent = 0;
    this.delivered = 0;
    this.acked = 0;
    this.refusals = {};
    this.outside = 0;
    this.disconnects = {};
    this.window = { from: Infinity, to: -Infinity };
    return report;
  }
}
