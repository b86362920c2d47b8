import type { api } from '../../../lib/api';

export type Guide = NonNullable<Awaited<ReturnType<typeof api.scenario.guide.query>>>;

/** The guide as a teacher reads it before and during class. */
export function GuideBody({ guide }: { guide: Guide }) {
  return (
    <article aria-labelledby="guide-title" className="guide">
      <h1 id="guide-title">Teacher&apos;s guide: {guide.title}</h1>
      <p>{guide.overview}</p>
      <section aria-labelledby="g-objectives" className="card">
        <h2 id="g-objectives">Learning objectives</h2>
        <ul>
          {guide.objectives.map((o) => (
            <li key={o.id}>
              <strong>{o.objective}</strong> <span className="hint">({o.seedPoints.join(', ')})</span> — {o.inTheGame}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="g-timing" className="card">
        <h2 id="g-timing">A 50-minute class</h2>
        <ol>
          {guide.timing.map((t, i) => (
            <li key={i}>
              <strong>
                {t.minutes} min — {t.activity}
              </strong>
              : {t.notes}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="g-setup" className="card">
        <h2 id="g-setup">Setting up</h2>
        <ul>
          {guide.setup.map((s, i) => (
            <li key={i}>
              <strong>
                {s.players} players: {s.tables}
              </strong>
              . {s.advice} <span className="hint">Roles that matter: {s.rolesThatMatter.join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="g-injects" className="card">
        <h2 id="g-injects">Injects: when and why</h2>
        <ul>
          {guide.injects.map((i) => (
            <li key={i.injectId}>
              <strong>{i.injectId}</strong> — {i.when}. {i.why}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="g-debrief" className="card">
        <h2 id="g-debrief">Three questions for the debrief</h2>
        <ol>
          {guide.debrief.map((d, i) => (
            <li key={i}>
              <strong>{d.question}</strong>
              <p>{d.modelAnswer}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="g-balance" className="card">
        <h2 id="g-balance">What the balance harness found</h2>
        <div className="table-scroll" role="region" aria-label="The balance harness's table (scrolls sideways on a small screen)" tabIndex={0}>
          <table className="score-table">
            <thead>
              <tr>
                {guide.balance.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {guide.balance.rows.map((r) => (
                <tr key={r.strategy}>
                  <th scope="row">{r.strategy}</th>
                  {r.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{guide.balance.reading}</p>
      </section>
    </article>
  );
}
