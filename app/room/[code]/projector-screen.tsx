'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { ProjectorView } from '../../../server/engine/view';
import { Countdown } from '../../facilitator/countdown';
import { useLiveView } from '../../lib/use-live-view';
import { ProjectorTables } from './projector-tables';

/**
 * The public screen: the room code and a QR code while people join, then the clock, each table's
 * front channel, press headlines and public-opinion meters. It connects as a projector, so the
 * server sends only what is public.
 */
export function ProjectorScreen({ code, publicOrigin }: { code: string; publicOrigin: string | null }) {
  const { view, skewMs: skew, status, connected } = useLiveView<ProjectorView>({ kind: 'projector', room: code });
  const problem = connected ? null : status;
  const [qr, setQr] = useState<string | null>(null);
  const origin = publicOrigin ?? (typeof window === 'undefined' ? '' : window.location.origin);
  const joinUrl = origin ? `${origin}/play/${code}` : '';

  useEffect(() => {
    if (!joinUrl) return;
    QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [joinUrl]);

  if (!view) return <p aria-live="polite">{problem ?? 'Connecting…'}</p>;
  const session = view.session;

  return (
    <div className="projector">
      <h1>
        {session.scenario.title} <span className="hint">{session.scenario.period}</span>
      </h1>
      {problem && <p role="status">{problem}</p>}
      {session.status === 'lobby' ? (
        <section aria-labelledby="join-title" className="card projector-join">
          <h2 id="join-title">Join this room</h2>
          <p className="projector-code" aria-label={`Room code ${code.split('').join(' ')}`}>
            {code}
          </p>
          <p>
            Go to <strong>{joinUrl}</strong> or scan:
          </p>
          {/* The SVG comes from the qrcode library, built from our own URL. */}
          {qr && <div className="qr" role="img" aria-label={`QR code for ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qr }} />}
          <p aria-live="polite">
            {view.lobby.length === 0
              ? 'Nobody has joined yet.'
              : `${view.lobby.length} ${view.lobby.length === 1 ? 'person is' : 'people are'} in the room: ${view.lobby.map((p) => p.name).join(', ')}`}
          </p>
        </section>
      ) : (
        <>
          <p className="projector-clock">
            <strong>{session.status === 'ended' ? 'The session has ended' : (session.phase?.title ?? '')}</strong>
            {session.status === 'running' && (
              <>
                {' — '}
                <Countdown deadlineAt={session.deadlineAt} pausedRemainingMs={session.pausedRemainingMs} skewMs={skew} />
              </>
            )}
          </p>
          {view.broadcasts.length > 0 && (
            <section aria-labelledby="news-title" className="card">
              <h2 id="news-title">News and Control</h2>
              <ul className="plain-list" aria-live="polite">
                {view.broadcasts.slice(-3).reverse().map((b) => (
                  <li key={b.id}>
                    <strong>{b.title}</strong> — {b.body}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ProjectorTables view={view} />
        </>
      )}
    </div>
  );
}
