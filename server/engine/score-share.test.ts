import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios/index';
import { byShare, maxScore, objectiveOutcome, scoreShare } from './score-share';

describe('scores compared across roles', () => {
  it('a role’s maximum is the sum of its positive points: avoiding a penalty adds nothing', () => {
    // The Cuban UN correspondent: 25 + 20 for stories, −20 and −15 for false ones.
    expect(maxScore([{ points: 25 }, { points: 20 }, { points: -20 }, { points: -15 }])).toBe(45);
    expect(maxScore([{ points: -10 }])).toBe(0);
  });

  it('the share is a whole percentage of that maximum, negative when penalties win, absent when there is no maximum', () => {
    expect(scoreShare(45, 45)).toBe(100);
    expect(scoreShare(25, 45)).toBe(56);
    expect(scoreShare(-20, 45)).toBe(-44);
    expect(scoreShare(0, 0)).toBeNull();
  });

  it('a penalty that did not happen reads as avoided, not as a failure', () => {
    expect(objectiveOutcome({ points: -25, achieved: false })).toBe('avoided');
    expect(objectiveOutcome({ points: -25, achieved: true })).toBe('penalised');
    expect(objectiveOutcome({ points: 30, achieved: true })).toBe('achieved');
    expect(objectiveOutcome({ points: 30, achieved: false })).toBe('missed');
  });

  it('ranks by share, so a journalist with 45 of 45 beats a leader with 90 of 100', () => {
    const rows = [
      { name: 'leader', total: 90, max: 100 },
      { name: 'journalist', total: 45, max: 45 },
      { name: 'spoiler', total: 45, max: 90 },
      { name: 'envoy', total: 81, max: 90 },
    ];
    expect([...rows].sort(byShare).map((r) => r.name)).toEqual(['journalist', 'leader', 'envoy', 'spoiler']);
  });

  it('every built-in role can score something, so every player gets a share', () => {
    for (const s of builtInScenarios()) for (const r of s.roles) expect(maxScore(r.objectives), `${s.id} ${r.id}`).toBeGreaterThan(0);
  });
});
