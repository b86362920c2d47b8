import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../scenarios';
import { parseStrategyPicture, strategyPicture } from './strategy-picture';

const DOC = `# Balance

## The strategies

| name | in a sentence |
| --- | --- |
| \`front-only\` | Talk only in public. |
| \`seeds-path\` | Test the waters, then go public. |
| \`new-channel-each-round\` | A fresh channel every round. |
| \`same-channel-each-round\` | The control for the previous one. |
| \`announce-at-once\` | The same, announced at once. |

### Core score per strategy at 6 and 10 (after; before in brackets)

| scenario @ size | seeds-path | front-only | new-channel / same-channel |
| --- | --- | --- | --- |
| cuban @6 | **300** (269) | 275 (280) | 207 / 212 (243 / 237) |
| cuban @10 | **301** (253) | 275 (260) | 207 / 207 (233 / 233) |
| oslo @6 | **333** (305) | 300 (325) | 270 / 272 (281 / 281) |

After the table.
`;

describe('the balance harness’s strategy picture, read from docs/balance.md', () => {
  it('takes today’s figure of each cell (not the bracketed one), splits shared columns, and names each strategy’s sentence', () => {
    const picture = parseStrategyPicture(DOC, 'cuban-missile-crisis')!;
    expect(picture.sizes).toEqual([6, 10]);
    expect(picture.strategies).toEqual([
      { name: 'seeds-path', description: 'Test the waters, then go public.', scores: { '6': 300, '10': 301 } },
      { name: 'front-only', description: 'Talk only in public.', scores: { '6': 275, '10': 275 } },
      { name: 'new-channel-each-round', description: 'A fresh channel every round.', scores: { '6': 207, '10': 207 } },
      { name: 'same-channel-each-round', description: 'The control for new-channel-each-round.', scores: { '6': 212, '10': 207 } },
    ]);
    expect(parseStrategyPicture(DOC.replace('| seeds-path |', '| announce-at-once |'), 'cuban-missile-crisis')!.strategies[0]).toMatchObject({ name: 'announce-at-once', description: 'Like same-channel-each-round, announced at once.' });
    expect(picture.best).toEqual({ '6': 'seeds-path', '10': 'seeds-path' });
    expect(parseStrategyPicture(DOC, 'oslo-back-channel')!.sizes).toEqual([6]);
    expect(parseStrategyPicture(DOC, 'harbour-ferry-strike')).toBeNull();
    expect(parseStrategyPicture('# nothing here', 'cuban-missile-crisis')).toBeNull();
  });

  it('covers every built-in scenario from the real doc, with a sentence for every strategy and the best one at each size', () => {
    for (const scenario of builtInScenarios()) {
      const picture = strategyPicture(scenario.id);
      expect(picture, scenario.id).not.toBeNull();
      expect(picture!.sizes.length).toBeGreaterThan(0);
      expect(picture!.strategies.length).toBeGreaterThanOrEqual(6);
      for (const s of picture!.strategies) {
        expect(s.description.length, s.name).toBeGreaterThan(20);
        for (const size of picture!.sizes) expect(s.scores[String(size)]).toBeGreaterThan(0);
      }
      for (const size of picture!.sizes) {
        const top = Math.max(...picture!.strategies.map((s) => s.scores[String(size)]!));
        expect(picture!.strategies.find((s) => s.name === picture!.best[String(size)])!.scores[String(size)]).toBe(top);
      }
    }
  });
});
