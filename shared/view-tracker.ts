import { applyDiff } from './patch';
import type { AnyView, StreamFrame, ViewPatch } from '../server/realtime/protocol';
// Type-only import above: this module (and patch.ts) must not pull zod into the browser.

interface Listed {
  channelId: string;
}

/**
 * Keeps a client's copy of its view from `snapshot`, `patch` and `stream` events: applies a patch
 * only on top of the version it was made from, and a stream frame only when it is the next message
 * of its channel; asks for a snapshot otherwise, so there is never a gap or a duplicate. Used by
 * the browser, the bots and the tests alike.
 */
export class ViewTracker<V extends AnyView = AnyView> {
  view: V | null = null;
  seq = 0;
  /** Server time minus local time, from the last message: add it to Date.now() for server time. */
  skewMs = 0;
  /** Messages held per channel: a stream frame's `n` must equal its channel's count. */
  private counts = new Map<string, number>();

  snapshot(s: { seq: number; view: AnyView; serverNow: number }, localNow = Date.now()): void {
    this.view = s.view as V;
    this.seq = s.seq;
    this.skewMs = s.serverNow - localNow;
    this.recount();
  }

  /** Returns false when the patch does not follow the version held: the caller must resync. */
  patch(p: ViewPatch, localNow = Date.now()): boolean {
    if (!this.view || p.base !== this.seq) return false;
    this.view = applyDiff(this.view, p);
    this.seq = p.seq;
    this.skewMs = p.serverNow - localNow;
    if ('messages' in p.set) this.recount();
    else for (const m of (p.append.messages ?? []) as Listed[]) this.count(m.channelId);
    return true;
  }

  /** Returns false when the frame is not the next message of its channel in the view held: the caller must resync. */
  stream(f: StreamFrame, localNow = Date.now()): boolean {
    const view = this.view;
    if (!view || !('messages' in view) || (this.counts.get(f.channelId) ?? 0) !== f.n) return false;
    this.view = { ...view, messages: [...view.messages, f.message] };
    this.count(f.channelId);
    this.skewMs = f.serverNow - localNow;
    return true;
  }

  private count(channelId: string): void {
    this.counts.set(channelId, (this.counts.get(channelId) ?? 0) + 1);
  }

  private recount(): void {
    this.counts = new Map();
    const messages = this.view && 'messages' in this.view ? (this.view.messages as Listed[]) : [];
    for (const m of messages) this.count(m.channelId);
  }
}
