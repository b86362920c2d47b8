import { describe, expect, it } from 'vitest';
import { LIMITS } from '../engine';
import { parseCommandEnvelope } from './protocol';

/** The edge's zod schema takes its lengths from the engine: what passes the edge at a limit is the engine's to judge, one more is refused. */
describe('edge limits are the engine limits', () => {
  const ok = (payload: unknown) => parseCommandEnvelope(payload).ok;
  const text = (n: number) => 'x'.repeat(n);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

  it.each([
    ['a message', (n: number) => ({ type: 'PostMessage', channelId: 't1:front', text: text(n) }), LIMITS.messageLength],
    ['a topic', (n: number) => ({ type: 'OpenBackChannel', inviteeIds: ['s2'], topic: text(n) }), LIMITS.topicLength],
    ['invitees', (n: number) => ({ type: 'OpenBackChannel', inviteeIds: ids(n), topic: 'talks' }), LIMITS.maxInvitees],
    ['a headline', (n: number) => ({ type: 'PublishStory', headline: text(n), body: 'b' }), LIMITS.headlineLength],
    ['a story', (n: number) => ({ type: 'PublishStory', headline: 'h', body: text(n) }), LIMITS.storyLength],
    ['terms', (n: number) => ({ type: 'Propose', channelId: 'c', mode: 'official', terms: Array.from({ length: n }, (_, i) => ({ issueId: `i${i}`, optionId: 'o', secret: false })) }), LIMITS.proposalTerms],
  ])('%s: up to the engine limit passes, one more is refused', (_what, payload, limit) => {
    expect(ok(payload(limit))).toBe(true);
    expect(ok(payload(limit + 1))).toBe(false);
  });
});
