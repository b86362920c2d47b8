import type { ProjectorView } from '../../../server/engine/view';

/** While people join: the code, the link and the QR code, as large as the screen allows. */
export function ProjectorLobby({ view, code, joinUrl, qr }: { view: ProjectorView; code: string; joinUrl: string; qr: string | null }) {
  const scenario = view.session.scenario;
  return (
    <section aria-labelledby="join-title" className="projector-join">
      <div>
        <h1>
          {scenario.title} <span className="projector-period">{scenario.period}</span>
        </h1>
        <h2 id="join-title">Join this room</h2>
        <p className="projector-code" aria-label={`Room code ${code.split('').join(' ')}`}>
          {code}
        </p>
        <p className="projector-url">
          Go to <strong>{joinUrl}</strong> or scan the code
        </p>
        <p aria-live="polite" className="projector-lobby-names">
          {view.lobby.length === 0
            ? 'Nobody has joined yet.'
            : `${view.lobby.length} ${view.lobby.length === 1 ? 'person is' : 'people are'} in the room: ${view.lobby.map((p) => p.name).join(', ')}`}
        </p>
      </div>
      {qr && <div className="qr" role="img" aria-label={`QR code for ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qr }} />}
    </section>
  );
}
