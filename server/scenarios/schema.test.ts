import { describe, it, expect } from 'vitest';
import type { Scenario } from '../engine/scenario';
import cuban from './cuban-missile-crisis.json';
import { stringify } from 'yaml';
import { BUILT_IN_SHORT_BRIEF_MIN_WORDS, builtInScenarios, checkBuiltIn, getBuiltInScenario } from './index';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE, SHORT_BRIEF_MAX_WORDS, countWords, formatPath, parseScenario } from './schema';
import { parseScenarioText } from './source';

/** A deep copy of the Cuban scenario, loosely typed so tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
function variant(mutate: (s: Loose) => void): unknown {
  const copy: Loose = structuredClone(cuban);
  mutate(copy);
  return copy;
}

function errorsOf(input: unknown) {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

function roleIndex(id: string): number {
  const i = (cuban as Scenario).roles.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`no role ${id}`);
  return i;
}

describe('the Cuban Missile Crisis scenario', () => {
  it('validates', () => {
    const result = parseScenario(cuban);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.scenario.id).toBe('cuban-missile-crisis');
  });

  it('has the shape the brief asks for', () => {
    const s = getBuiltInScenario('cuban-missile-crisis');
    expect(s).toBeDefined();
    if (!s) return;
    expect(s.sides.map((x) => x.id)).toEqual(['usa', 'ussr']);
    expect(s.roles.reduce((n, r) => n + r.min, 0)).toBe(MIN_TABLE_SIZE);
    expect(s.roles.reduce((n, r) => n + r.max, 0)).toBeGreaterThanOrEqual(MAX_TABLE_SIZE);
    for (const kind of ['leader', 'envoy', 'spoiler'] as const) {
      for (const side of ['usa', 'ussr']) {
        expect(s.roles.some((r) => r.kind === kind && r.side === side), `${side} ${kind}`).toBe(true);
      }
    }
    expect(s.roles.some((r) => r.kind === 'journalist' && r.side === null)).toBe(true);
    for (const role of s.roles) {
      expect(role.brief.privateFacts.length, role.id).toBeGreaterThanOrEqual(3);
      expect(role.brief.privateFacts.length, role.id).toBeLessThanOrEqual(5);
      expect(role.brief.limits.length, role.id).toBeGreaterThanOrEqual(2);
      expect(role.brief.limits.length, role.id).toBeLessThanOrEqual(3);
    }
    expect(s.issues.map((i) => i.id)).toEqual(['cuban-missiles', 'invasion-pledge', 'turkey-jupiters', 'quarantine']);
    expect(s.phases[0]).toMatchObject({ kind: 'briefing', durationSec: 300, openChannels: ['team'] });
    expect(s.phases.filter((p) => p.kind === 'negotiation')).toHaveLength(3);
    expect(s.precondition?.side).toBe('ussr');
    expect(s.injects.length).toBeGreaterThanOrEqual(4);
    expect(s.injects.length).toBeLessThanOrEqual(6);
    expect(s.escalation.map((e) => e.level)).toEqual([0, 1, 2, 3, 4]);
    expect(s.debriefQuestions.length).toBeGreaterThanOrEqual(5);
    expect(s.debriefQuestions.length).toBeLessThanOrEqual(7);
    for (const date of ['16 October', '27 October', 'April 1963', '1963']) {
      expect(s.whatReallyHappened).toContain(date);
    }
  });

  it('is served as a fresh copy by the built-in loader', () => {
    const [a] = builtInScenarios();
    a!.title = 'changed';
    expect(getBuiltInScenario('cuban-missile-crisis')?.title).toBe('The Cuban Missile Crisis');
    expect(getBuiltInScenario('no-such-scenario')).toBeUndefined();
  });
});

describe('parseScenario rejects broken scenarios with precise paths and messages', () => {
  it('a value of the wrong type', () => {
    expect(errorsOf(variant((s) => (s.phases[1].durationSec = '480')))).toEqual([
      { path: 'phases[1].durationSec', message: 'Expected a number, received the string "480"' },
    ]);
    expect(errorsOf(variant((s) => (s.leak.spoilerTipChance = 1.5)))).toEqual([
      { path: 'leak.spoilerTipChance', message: 'Must be at most 1' },
    ]);
    expect(errorsOf(variant((s) => (s.leak.baseRate = -0.1)))).toEqual([
      { path: 'leak.baseRate', message: 'Must be at least 0' },
    ]);
    expect(errorsOf(variant((s) => (s.phases[1].durationSec = 5)))).toEqual([
      { path: 'phases[1].durationSec', message: 'Must be at least 10' },
    ]);
    expect(errorsOf(variant((s) => delete s.whatReallyHappened)))
      .toEqual([{ path: 'whatReallyHappened', message: 'Required: expected a string' }]);
    expect(errorsOf(null)).toEqual([{ path: '', message: 'Expected an object, received null' }]);
  });

  it('an enum or condition type that does not exist', () => {
    expect(errorsOf(variant((s) => (s.roles[0].kind = 'king')))).toEqual([
      { path: 'roles[0].kind', message: 'Expected one of "leader", "envoy", "spoiler", "journalist", received the string "king"' },
    ]);
    const errors = errorsOf(variant((s) => (s.roles[0].objectives[0].when = { type: 'worldPeace' })));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('roles[0].objectives[0].when.type');
    expect(errors[0]!.message).toMatch(/^Unknown type: expected one of "dealAnnounced", .*received the string "worldPeace"$/);
  });

  it('an id that is not a slug', () => {
    expect(errorsOf(variant((s) => (s.issues[3].options[1].id = 'Maintained')))).toEqual([
      {
        path: 'issues[3].options[1].id',
        message: 'Must be a lowercase slug: letters a–z, digits and hyphens, starting with a letter or digit',
      },
    ]);
  });

  it('an empty text', () => {
    expect(errorsOf(variant((s) => (s.roles[1].brief.privateFacts[2] = '   ')))).toEqual([
      { path: 'roles[1].brief.privateFacts[2]', message: 'Must not be empty' },
    ]);
  });

  it('an unknown key, at any depth', () => {
    expect(errorsOf(variant((s) => (s.roles[2].brief.secret = 'x')))).toEqual([
      { path: 'roles[2].brief.secret', message: 'Unknown key "secret"' },
    ]);
    expect(errorsOf(variant((s) => (s.author = 'me')))).toEqual([{ path: 'author', message: 'Unknown key "author"' }]);
    expect(errorsOf(variant((s) => (s.roles[0].objectives[0].when.bonus = 1)))).toEqual([
      { path: 'roles[0].objectives[0].when.bonus', message: 'Unknown key "bonus"' },
    ]);
  });

  it('a dangling issue or option reference in an objective', () => {
    const r = roleIndex('usa-envoy');
    expect(errorsOf(variant((s) => (s.roles[r].objectives[1].when.issueId = 'berlin')))).toEqual([
      {
        path: `roles[${r}].objectives[1].when.issueId`,
        message: 'Unknown issue "berlin"; expected one of "cuban-missiles", "invasion-pledge", "turkey-jupiters", "quarantine"',
      },
    ]);
    expect(errorsOf(variant((s) => (s.roles[r].objectives[2].when.optionId = 'stay-forever')))).toEqual([
      {
        path: `roles[${r}].objectives[2].when.optionId`,
        message:
          'Unknown option "stay-forever" for issue "cuban-missiles"; expected one of "withdraw-verified", "withdraw-unverified", "stay"',
      },
    ]);
  });

  it('a dangling side reference in a condition, a reaction, the precondition or an inject', () => {
    expect(errorsOf(variant((s) => (s.roles[0].objectives[2].when.side = 'cuba')))).toEqual([
      { path: 'roles[0].objectives[2].when.side', message: 'Unknown side "cuba"; expected one of "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => (s.issues[2].options[0].publicReaction.turkey = -30)))).toEqual([
      { path: 'issues[2].options[0].publicReaction.turkey', message: 'Unknown side "turkey"; expected one of "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => (s.precondition.side = 'cuba')))).toEqual([
      { path: 'precondition.side', message: 'Unknown side "cuba"; expected one of "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => (s.injects[0].audience = 'nato')))).toEqual([
      { path: 'injects[0].audience', message: 'Audience must be "all" or a side id; expected one of "all", "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => (s.injects[0].atPhase = 'round-9')))).toEqual([
      {
        path: 'injects[0].atPhase',
        message: 'Unknown phase "round-9"; expected one of "briefing", "round-1", "round-2", "round-3"',
      },
    ]);
  });

  it('a role with a missing or unknown side, and a journalist with one', () => {
    const envoy = roleIndex('ussr-envoy');
    expect(errorsOf(variant((s) => (s.roles[envoy].side = null)))).toEqual([
      { path: `roles[${envoy}].side`, message: 'An envoy must belong to a side; expected one of "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => (s.roles[envoy].side = 'cuba')))).toEqual([
      { path: `roles[${envoy}].side`, message: 'Unknown side "cuba"; expected one of "usa", "ussr"' },
    ]);
    expect(errorsOf(variant((s) => delete s.roles[envoy].side))).toEqual([
      { path: `roles[${envoy}].side`, message: 'Required: expected a string' },
    ]);
    const journalist = roleIndex('washington-correspondent');
    expect(errorsOf(variant((s) => (s.roles[journalist].side = 'usa')))).toEqual([
      { path: `roles[${journalist}].side`, message: 'A journalist belongs to no side: side must be null, not "usa"' },
    ]);
  });

  it('min greater than max', () => {
    const r = roleIndex('usa-spoiler');
    const errors = errorsOf(variant((s) => (s.roles[r].min = 2)));
    expect(errors).toContainEqual({ path: `roles[${r}].min`, message: 'min (2) must not exceed max (1)' });
  });

  it('a side without exactly one fixed leader', () => {
    const leader = roleIndex('ussr-leader');
    expect(errorsOf(variant((s) => (s.roles[leader].max = 2)))).toContainEqual({
      path: `roles[${leader}].max`,
      message: 'A leader slot must have min 1 and max 1 (found min 1, max 2)',
    });
    expect(errorsOf(variant((s) => (s.roles[leader].kind = 'envoy')))).toEqual([
      { path: 'sides[1]', message: 'Side "ussr" has no leader slot; every side needs exactly one (kind "leader", min 1, max 1)' },
    ]);
    const envoy = roleIndex('ussr-envoy');
    expect(errorsOf(variant((s) => (s.roles[envoy].kind = 'leader')))).toEqual([
      { path: `roles[${envoy}].kind`, message: `Side "ussr" already has a leader slot (roles[${leader}]); every side needs exactly one` },
    ]);
  });

  it('role slots that cannot seat a table of 4', () => {
    const r = roleIndex('usa-spoiler');
    expect(errorsOf(variant((s) => (s.roles[r].min = 1)))).toEqual([
      { path: 'roles', message: 'The role slots cannot seat a table of 4: their minimums add up to 5 (at most 4 allowed)' },
    ]);
  });

  it('role slots that cannot seat a table of 10', () => {
    const r = roleIndex('un-correspondent');
    expect(errorsOf(variant((s) => s.roles.splice(r, 1)))).toEqual([
      { path: 'roles', message: 'The role slots cannot seat a table of 10: their maximums add up to 9 (at least 10 needed)' },
    ]);
  });

  it('no negotiation phase, or a first phase that is not a briefing', () => {
    expect(
      errorsOf(
        variant((s) => {
          for (const phase of s.phases) phase.kind = 'briefing';
          s.injects = s.injects.filter((i: Loose) => !i.atPhase || i.atPhase === 'briefing');
        }),
      ),
    ).toEqual([{ path: 'phases', message: 'At least one negotiation phase is required' }]);
    expect(errorsOf(variant((s) => s.phases.shift()))).toContainEqual({
      path: 'phases[0].kind',
      message: 'The first phase must be a briefing',
    });
  });

  it('duplicate ids', () => {
    expect(errorsOf(variant((s) => (s.roles[3].id = s.roles[0].id)))).toEqual([
      { path: 'roles[3].id', message: 'Duplicate role id "usa-leader" (already used by roles[0])' },
    ]);
    expect(errorsOf(variant((s) => (s.issues[3].options[1].id = 'lifted-on-withdrawal')))).toEqual([
      {
        path: 'issues[3].options[1].id',
        message: 'Duplicate option id "lifted-on-withdrawal" (already used by issues[3].options[0])',
      },
    ]);
    expect(errorsOf(variant((s) => (s.roles[0].objectives[1].id = 'deal-announced')))).toEqual([
      { path: 'roles[0].objectives[1].id', message: 'Duplicate objective id "deal-announced" (already used by roles[0].objectives[0])' },
    ]);
    expect(errorsOf(variant((s) => (s.phases[2].id = 'round-1')))).toContainEqual({
      path: 'phases[2].id',
      message: 'Duplicate phase id "round-1" (already used by phases[1])',
    });
    expect(errorsOf(variant((s) => (s.injects[3].id = s.injects[0].id)))).toEqual([
      { path: 'injects[3].id', message: 'Duplicate inject id "ships-at-the-line" (already used by injects[0])' },
    ]);
  });

  it('an escalation ladder with a gap', () => {
    expect(errorsOf(variant((s) => s.escalation.splice(2, 1)))).toEqual([
      { path: 'escalation[2].level', message: 'Escalation levels must be numbered 0, 1, 2, … in order: expected 2, found 3' },
      { path: 'escalation[3].level', message: 'Escalation levels must be numbered 0, 1, 2, … in order: expected 3, found 4' },
    ]);
  });

  it('fewer than two sides', () => {
    expect(errorsOf(variant((s) => s.sides.pop()))).toContainEqual({ path: 'sides', message: 'Must have at least 2 items' });
  });

  it('reports several problems at once', () => {
    const errors = errorsOf(
      variant((s) => {
        s.roles[0].extra = true;
        s.roles[1].objectives[1].when.issueId = 'berlin';
        s.injects[1].atPhase = 'round-7';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['roles[0].extra', 'roles[1].objectives[1].when.issueId', 'injects[1].atPhase']);
  });
});

describe('formatPath', () => {
  it('formats zod paths the way facilitators read them', () => {
    expect(formatPath(['roles', 3, 'objectives', 0, 'when', 'issueId'])).toBe('roles[3].objectives[0].when.issueId');
    expect(formatPath([])).toBe('');
    expect(formatPath(['issues', 0, 'options', 1, 'publicReaction', 'two words'])).toBe(
      'issues[0].options[1].publicReaction["two words"]',
    );
  });
});

describe('short briefs (brief.summary): the part of a brief players read first', () => {
  /** `n` distinct words, e.g. "w0 w1 w2". */
  const wordsText = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
  /** Mean words per sentence: a sentence ends at . ! or ? followed by a space, or at a blank line. */
  const meanSentence = (text: string) => {
    const sentences = text.split(/(?<=[.!?]['’)]?)\s+|\n\n/).filter((x) => countWords(x) > 0);
    return countWords(text) / sentences.length;
  };
  const tooLong = (n: number) =>
    `Must be at most ${SHORT_BRIEF_MAX_WORDS} words long (found ${n}): this is the short version players read first; put the details in objectives, privateFacts and limits`;

  it('counts words as a reader does: a dash alone is not a word', () => {
    expect(countWords('You are — the Mayor.\n\n4% of  2 000')).toBe(8);
    expect(countWords('  ')).toBe(0);
  });

  it(`every role of every built-in scenario has one of ${BUILT_IN_SHORT_BRIEF_MIN_WORDS}–${SHORT_BRIEF_MAX_WORDS} words, in short sentences; so does each scenario summary`, () => {
    const scenarios = builtInScenarios();
    expect(scenarios.map((s) => s.id)).toHaveLength(5);
    for (const scenario of scenarios) {
      expect(countWords(scenario.summary), `${scenario.id} summary`).toBeLessThanOrEqual(130);
      expect(meanSentence(scenario.summary), `${scenario.id} summary`).toBeLessThanOrEqual(18);
      for (const role of scenario.roles) {
        const where = `${scenario.id} ${role.id}`;
        const summary = role.brief.summary ?? '';
        expect(countWords(summary), where).toBeGreaterThanOrEqual(BUILT_IN_SHORT_BRIEF_MIN_WORDS);
        expect(countWords(summary), where).toBeLessThanOrEqual(SHORT_BRIEF_MAX_WORDS);
        expect(meanSentence(summary), where).toBeLessThanOrEqual(18);
        // Who you are, what you want, your limits: the limits are always spelt out.
        expect(summary, where).toMatch(/^You (are|lead)/);
        expect(summary, where).toContain('Your limits:');
      }
    }
  });

  it('an upload without one is valid (players then see the whole brief at once)', () => {
    const result = parseScenario(variant((s) => s.roles.forEach((r: Loose) => delete r.brief.summary)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.roles.every((r) => r.brief.summary === undefined)).toBe(true);
  });

  it('a built-in without one, or with one too short, is refused with the path and the reason', () => {
    const s = getBuiltInScenario('cuban-missile-crisis')!;
    expect(checkBuiltIn(s)).toEqual([]);
    delete s.roles[4]!.brief.summary;
    s.roles[6]!.brief.summary = 'You are General LeMay. Your limits: none.';
    expect(checkBuiltIn(s)).toEqual([
      {
        path: 'roles[4].brief.summary',
        message: `Required in a built-in scenario: the short brief (${BUILT_IN_SHORT_BRIEF_MIN_WORDS} words or more) that "John Scali, ABC News diplomatic correspondent (informal go-between)" reads first`,
      },
      { path: 'roles[6].brief.summary', message: `Must be at least ${BUILT_IN_SHORT_BRIEF_MIN_WORDS} words long in a built-in scenario (found 7)` },
    ]);
  });

  it('an upload whose short brief is too long gets one precise error at its path, in YAML as in JSON', () => {
    const text = (n: number) => stringify(variant((s) => (s.roles[2].brief.summary = wordsText(n))));
    expect(parseScenarioText(text(SHORT_BRIEF_MAX_WORDS), 'yaml').ok).toBe(true);
    expect(parseScenarioText(text(SHORT_BRIEF_MAX_WORDS + 1), 'yaml')).toEqual({
      ok: false,
      errors: [{ path: 'roles[2].brief.summary', message: tooLong(SHORT_BRIEF_MAX_WORDS + 1) }],
    });
    const json = JSON.stringify(variant((s) => (s.roles[2].brief.summary = wordsText(301))));
    expect(parseScenarioText(json, 'json')).toEqual({ ok: false, errors: [{ path: 'roles[2].brief.summary', message: tooLong(301) }] });
  });

  it('an empty one, one of the wrong type, or one too long in characters gets one error each', () => {
    expect(errorsOf(variant((s) => (s.roles[0].brief.summary = '  ')))).toEqual([{ path: 'roles[0].brief.summary', message: 'Must not be empty' }]);
    expect(errorsOf(variant((s) => (s.roles[0].brief.summary = ['You are', 'the President'])))).toEqual([
      { path: 'roles[0].brief.summary', message: 'Expected a string, received an array' },
    ]);
    // 300 words in 2,700 characters: reported once, in characters, not again in words.
    expect(errorsOf(variant((s) => (s.roles[0].brief.summary = 'abcdefgh '.repeat(300))))).toEqual([
      { path: 'roles[0].brief.summary', message: 'Must be at most 2500 characters long' },
    ]);
  });
});
