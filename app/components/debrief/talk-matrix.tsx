import type { ReplaySeat, ReplaySeries } from '../../../server/replay/types';
import { ScrollBox } from './scroll-box';

/**
 * Who talked to whom at a table: a matrix of texts from each seat (row) read by each seat
 * (column), in every channel and, in brackets, in back channels. A table is its own text
 * alternative; the shading only repeats the number.
 */
export function TalkMatrix({ id, talk, seats }: { id: string; talk: ReplaySeries['talk'][number]; seats: ReplaySeat[] }) {
  const label = (seatId: string) => {
    const s = seats.find((x) => x.seatId === seatId);
    return s ? { name: s.name, role: s.role } : { name: 'Left', role: '' };
  };
  const max = Math.max(1, ...talk.all.flat());
  return (
    <figure className="chart-figure talk-figure" aria-labelledby={`${id}-title`} id={id}>
      <figcaption>
        <h4 id={`${id}-title`} className="chart-title">
          Who talked to whom
        </h4>
        <p className="chart-summary">Texts each person (row) wrote that each other person (column) could read; back-channel texts in brackets.</p>
      </figcaption>
      <ScrollBox label="Who talked to whom">
        <table className="data-table talk-matrix">
          <caption className="visually-hidden">Texts from each row&apos;s seat read by each column&apos;s seat, all channels (back channels)</caption>
          <thead>
            <tr>
              <th scope="col">From ↓ · to →</th>
              {talk.seatIds.map((s) => (
                <th key={s} scope="col" className="num talk-head">
                  {label(s).name}
                  {/* The role is in the row's header; a column keeps to the name so the matrix stays narrow. */}
                  <span className="visually-hidden">, {label(s).role}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {talk.seatIds.map((from, i) => (
              <tr key={from}>
                <th scope="row">
                  {label(from).name}
                  <span className="score-role">{label(from).role}</span>
                </th>
                {talk.seatIds.map((to, j) => {
                  const all = talk.all[i]?.[j] ?? 0;
                  const back = talk.back[i]?.[j] ?? 0;
                  return (
                    <td key={to} className="num talk-cell" style={{ ['--heat' as string]: String(i === j ? 0 : all / max) }}>
                      {i === j ? '—' : all === 0 ? '0' : `${all}${back > 0 ? ` (${back})` : ''}`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </figure>
  );
}
