import { applyDiff } from './patch';
import type { AnyView, ViewPatch } from '../server/realtime/protocol';
// Type-only import above: this module (and patch.ts) must not pull zod into the browser.

/**
 * Keeps a client's copy of its view from `snapshot` and `patch` events: applies a patch only on
 * top of the version it was made from, and asks for a snapshot otherwise, so there is never a
 * gap or a duplicate. Used by the browser, the bots and the tests alike.
 */
export class ViewTracker<V extends AnyView = AnyView> {
  view: V | null = null;
  seq = 0;
  /** Server time minus local time, from the last message: add it to Date.now() for server time. */
  skewMs = 0;

  snapshot(s: { seq: number; view: AnyView; serverNow: number }, localNow = Date.now()): void {
    this.view = s.view as V;
    this.seq = s.seq;
    this.skewMs = s.serverNow - localNow;
  }

  /** Returns false when the patch does not follow the version held: the caller must resync. */
  patch(p: ViewPatch, localNow = Date.now()): boolean {
    if (!this.view || p.base !== this.seq) return false;
    this.view = applyDiff(this.view, p);
    this.seq = p.seq;
    this.skewMs = p.serverNow - localNow;
    return true;
  }
}
