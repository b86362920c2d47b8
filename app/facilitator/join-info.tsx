'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useJoinOrigin } from './join-origin';

/** Addresses only this computer can reach: a phone given one of them finds nothing. */
export function isLoopback(origin: string): boolean {
  try {
    const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || host.startsWith('127.') || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

/** The room code, the join link and its QR code, with a warning when students could not reach the link. */
export function JoinInfo({ code, compact = false }: { code: string; compact?: boolean }) {
  const { origin, lanAddress } = useJoinOrigin();
  const joinUrl = origin ? `${origin}/play/${code}` : `/play/${code}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!origin) return;
    QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [joinUrl, origin]);
  const loopback = origin !== '' && isLoopback(origin);

  return (
    <div className="join-info">
      <div>
        <p>
          Room code <span className="big-code">{code}</span>
        </p>
        <p>
          Join link: <a href={joinUrl}>{joinUrl}</a>
        </p>
        {loopback && (
          <div className="warning" role="note" aria-label="Join address warning">
            <p>
              <strong>Students&apos; phones cannot reach {new URL(origin).host}:</strong> it is this computer&apos;s own loopback address.
            </p>
            {!compact && (
              <p>
                Restart the server with <code>HOST=0.0.0.0</code> and <code>PUBLIC_ORIGIN={lanAddress ? `http://${lanAddress}:${new URL(origin).port || 80}` : 'http://<this computer’s address on the class network>:PORT'}</code>
                {lanAddress ? ` (${lanAddress} is this computer's address on the local network)` : ''}, then open the dashboard at that address.
              </p>
            )}
          </div>
        )}
        {!compact && (
          <p>
            <a href={`/room/${code}`} target="_blank" rel="noreferrer">
              Open the room screen for the projector
            </a>
          </p>
        )}
      </div>
      {qr && <div className="qr" role="img" aria-label={`QR code for ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qr }} />}
    </div>
  );
}
