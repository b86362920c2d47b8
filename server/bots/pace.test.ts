import { describe, expect, it } from 'vitest';
import type { PlayerCommand } from '../realtime/protocol';
import { Bot } from './bot';
import { delayAfter, HUMAN_PACE_MS } from './pace';

const text: PlayerCommand = { type: 'PostMessage', channelId: 'c1', text: 'What could your side accept in public?' };
const click: PlayerCommand = { type: 'AcceptProposal', proposalId: 'p1' };
/** Every value a random source can give, from 0 to just under 1. */
const extremes = [0, 0.5, 0.999999];

describe('bot pace', () => {
  it('at the human pace, spaces texts 15–30 s apart, clicks 5–12 s and glances 10–20 s', () => {
    for (const r of extremes) {
      const random = () => r;
      expect(delayAfter(text, 'human', 200, random)).toBeGreaterThanOrEqual(15_000);
      expect(delayAfter(text, 'human', 200, random)).toBeLessThanOrEqual(30_000);
      expect(delayAfter(click, 'human', 200, random)).toBeGreaterThanOrEqual(5_000);
      expect(delayAfter(click, 'human', 200, random)).toBeLessThanOrEqual(12_000);
      expect(delayAfter(null, 'human', 200, random)).toBeGreaterThanOrEqual(HUMAN_PACE_MS.idle[0]);
    }
    // A bot that writes as often as it can posts at most 4 texts a minute: a few, like a person.
    const perMinute = 60_000 / delayAfter(text, 'human', 200, () => 0);
    expect(perMinute).toBeLessThanOrEqual(4);
  });

  it('at the fast pace, moves every tickMs give or take half, whatever the move', () => {
    for (const r of extremes) {
      for (const move of [text, click, null]) {
        const ms = delayAfter(move, 'fast', 200, () => r);
        expect(ms).toBeGreaterThanOrEqual(100);
        expect(ms).toBeLessThan(300);
      }
    }
  });

  it('a bot is human-paced by default; passing tickMs alone keeps the old fast behaviour', () => {
    const human = new Bot({ url: 'http://127.0.0.1:9', room: 'ABC234', name: 'H', random: () => 0 });
    const fast = new Bot({ url: 'http://127.0.0.1:9', room: 'ABC234', name: 'F', tickMs: 200, random: () => 0 });
    const slowTick = new Bot({ url: 'http://127.0.0.1:9', room: 'ABC234', name: 'S', tickMs: 200, pace: 'human', random: () => 0 });
    expect(human.pace).toBe('human');
    expect(human.delayAfter(text)).toBe(15_000);
    expect(fast.pace).toBe('fast');
    expect(fast.delayAfter(text)).toBe(100);
    expect(slowTick.delayAfter(click)).toBe(5_000);
  });
});
