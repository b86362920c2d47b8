import type { StrategyPicture as Picture } from '../../../server/replay/types';
import { ScrollBox } from './scroll-box';

/**
 * What the balance harness found for this scenario (docs/balance.md, read by the server): how
 * each scripted way of negotiating scored, so a class can set its own tables beside it ("tables
 * that tested the waters in a back channel and then went public scored …").
 */
export function StrategyPicture({ picture, scenarioTitle }: { picture: Picture; scenarioTitle: string }) {
  const { sizes, strategies, best } = picture;
  // "seeds-path at a table of 6 (300 of 400) and at a table of 10 (301 of 400)", grouped by strategy.
  const winners = [...new Set(sizes.map((size) => best[String(size)]))].flatMap((name) => {
    const s = strategies.find((x) => x.name === name);
    if (!s) return [];
    const at = sizes.filter((size) => best[String(size)] === name).map((size) => `at a table of ${size} (${s.scores[String(size)]} of 400)`);
    return [`${s.name} ${at.join(' and ')}`];
  });
  const bestSentence = winners.join('; ');
  return (
    <div className="strategy-picture">
      <h3 id="strategy-picture-title">What the balance harness found</h3>
      <p>
        The harness plays {scenarioTitle} thousands of times with scripted ways of negotiating and adds up the scores of both leaders and
        both main envoys (out of 400). The best was {bestSentence}. Set your tables&apos; outcomes above beside it: which way did each
        table take, and did it pay as well?
      </p>
      <ScrollBox label="Strategy scores in the balance harness">
        <table className="data-table">
          <caption>Mean core score per way of negotiating ({picture.source}); the best at each size is marked</caption>
          <thead>
            <tr>
              <th scope="col">Way of negotiating</th>
              {sizes.map((size) => (
                <th key={size} scope="col" className="num">
                  Table of {size}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {strategies.map((s) => (
              <tr key={s.name}>
                <th scope="row">
                  <span className="strategy-name">{s.name}</span>
                  <span className="hint strategy-sentence">{s.description}</span>
                </th>
                {sizes.map((size) => {
                  const isBest = best[String(size)] === s.name;
                  return (
                    <td key={size} className="num">
                      {isBest ? <strong>{s.scores[String(size)] ?? '–'} (best)</strong> : (s.scores[String(size)] ?? '–')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
