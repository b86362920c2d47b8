// The client's side of stream frames: a frame is applied only as the next message of its channel
// in the view held; a gap or a repeat is refused, so the caller asks for a snapshot.
import { describe, expect, it } from 'vitest';
import type { AnyView } from '../server/realtime/protocol';
import { ViewTracker } from './view-tracker';

const line = (id: string, channelId: string) => ({ id, channelId, author: { kind: 'seat' as const, seatId: 's1' }, text: id, at: 0 });
const view = (messages: ReturnType<typeof line>[]) => ({ kind: 'seat', messages }) as unknown as AnyView;
const frame = (n: number, id: string, channelId = 't1:front') => ({ channelId, n, message: line(id, channelId), serverNow: 0 });

describe('ViewTracker stream frames', () => {
  it('appends the next line of a channel, counting the lines of the snapshot and of patches', () => {
    const t = new ViewTracker();
    t.snapshot({ seq: 1, view: view([line('a', 't1:front'), line('b', 't1:team:usa'), line('c', 't1:front')]), serverNow: 0 });
    expect(t.stream(frame(2, 'd'))).toBe(true);
    expect(t.patch({ seq: 2, base: 1, set: {}, append: { messages: [line('e', 't1:front')] }, serverNow: 0 })).toBe(true);
    expect(t.stream(frame(4, 'f'))).toBe(true);
    expect((t.view as unknown as { messages: { id: string }[] }).messages.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(t.seq).toBe(2);
  });

  it('refuses a gap and a repeat, and takes the stream up again after a snapshot', () => {
    const t = new ViewTracker();
    expect(t.stream(frame(0, 'a'))).toBe(false);
    t.snapshot({ seq: 1, view: view([line('a', 't1:front')]), serverNow: 0 });
    expect(t.stream(frame(0, 'a'))).toBe(false);
    expect(t.stream(frame(2, 'c'))).toBe(false);
    t.snapshot({ seq: 2, view: view([line('a', 't1:front'), line('b', 't1:front'), line('c', 't1:front')]), serverNow: 0 });
    expect(t.stream(frame(3, 'd'))).toBe(true);
    // A patch that replaces the list (a move to another table) starts the count again.
    expect(t.patch({ seq: 3, base: 2, set: { messages: [line('x', 't2:front')] }, append: {}, serverNow: 0 })).toBe(true);
    expect(t.stream(frame(4, 'e'))).toBe(false);
    expect(t.stream(frame(1, 'y', 't2:front'))).toBe(true);
  });
});
