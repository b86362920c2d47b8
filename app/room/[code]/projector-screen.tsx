'use client';

import { useEffect, useState } from 'react';
import type { ProjectorView } from '../../../server/engine/view';
import { useLiveView } from '../../lib/use-live-view';
import { ProjectorLive } from './projector-live';
import { ProjectorLobby } from './projector-lobby';
import { useQr } from './use-qr';

/**
 * The public screen, for the back row: the room code and a QR code while people join; then a
 * large clock, the latest headline, Control's messages and each table's meters and front channel
 * as tiles; at the end every table's outcome, or the debrief once the facilitator puts it here. It connects as a projector, so the server sends
 * only what is public.
 */
export function ProjectorScreen({ code, publicOrigin }: { code: string; publicOrigin: string | null }) {
  const { view, skewMs, status, connected, debrief } = useLiveView<ProjectorView>({ kind: 'projector', room: code });
  const problem = connected ? null : status;
  const [here, setHere] = useState('');
  useEffect(() => setHere(window.location.origin), []);
  const origin = publicOrigin ?? here;
  const joinUrl = origin ? `${origin}/play/${code}` : '';
  const qr = useQr(joinUrl);

  if (!view) return <p aria-live="polite">{problem ?? 'Connecting…'}</p>;
  return (
    <div className="projector" data-status={view.session.status}>
      {problem && (
        <p role="status" className="projector-problem">
          {problem}
        </p>
      )}
      {view.session.status === 'lobby' ? (
        <ProjectorLobby view={view} code={code} joinUrl={joinUrl} qr={qr} />
      ) : (
        <ProjectorLive view={view} code={code} joinUrl={joinUrl} qr={qr} skewMs={skewMs} debrief={debrief} />
      )}
    </div>
  );
}
