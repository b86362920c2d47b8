import type { ProjectorView } from '../../../server/engine/view';
import { Countdown } from '../../facilitator/countdown';
import type { ProjectorDebrief } from '../../../server/api/projector-debrief';
import { ProjectorDebriefView } from './projector-debrief';
import { ProjectorOutcome } from './projector-outcome';
import { ProjectorTables } from './projector-tables';

/** Play and after: a top bar with the phase, the clock and the join corner; the news; the tables. */
export function ProjectorLive({ view, code, joinUrl, qr, skewMs, debrief }: { view: ProjectorView; code: string; joinUrl: string; qr: string | null; skewMs: number; debrief: ProjectorDebrief | null }) {
  const session = view.session;
  const ended = session.status === 'ended';
  const stories = view.tables.flatMap((t) => t.stories.map((s) => ({ ...s, tableId: t.id }))).sort((a, b) => a.at - b.at);
  const headline = stories[stories.length - 1];
  const broadcast = view.broadcasts[view.broadcasts.length - 1];
  const many = view.tables.length > 1;
  return (
    <>
      <header className="projector-bar">
        <div>
          <h1>{session.scenario.title}</h1>
          <p className="projector-phase">{ended ? (debrief ? 'Debrief' : 'The session has ended') : (session.phase?.title ?? '')}</p>
        </div>
        {!ended && (
          <p className="projector-clock" aria-label="Time left in this phase">
            <Countdown deadlineAt={session.deadlineAt} pausedRemainingMs={session.pausedRemainingMs} skewMs={skewMs} />
          </p>
        )}
        {!ended && (
          <div className="projector-corner">
            {qr && <div className="qr" role="img" aria-label={`QR code for ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qr }} />}
            <p>
              Join: <span className="code">{code}</span>
            </p>
          </div>
        )}
      </header>
      {headline && !debrief && (
        <section className="projector-headline" aria-label="Latest headline" aria-live="polite">
          <span className="projector-label">{many ? `Breaking · Table ${headline.tableId.slice(1)}` : 'Breaking'}</span> <strong>{headline.headline}</strong>
        </section>
      )}
      {broadcast && !ended && (
        <section className="projector-control" aria-label="Latest from Control" aria-live="polite">
          <span className="projector-label">{broadcast.kind === 'control' ? 'From Control' : broadcast.kind === 'escalation' ? 'Escalation' : 'News'}</span>{' '}
          {broadcast.title !== 'Control' && <strong>{broadcast.title} </strong>}
          {broadcast.body !== broadcast.title && <span>{broadcast.body}</span>}
        </section>
      )}
      {ended && debrief ? <ProjectorDebriefView view={view} debrief={debrief} /> : ended ? <ProjectorOutcome view={view} /> : <ProjectorTables view={view} skewMs={skewMs} />}
    </>
  );
}
