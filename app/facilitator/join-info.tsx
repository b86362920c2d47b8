'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useJoinAddress } from './join-origin';

/** The room code, the join link and its QR code, with a warning when students could not reach the link. */
export function JoinInfo({ code, compact = false }: { code: string; compact?: boolean }) {
  const address = useJoinAddress();
  const origin = address?.origin ?? '';
  const joinUrl = origin ? `${origin}/play/${code}` : `/play/${code}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!origin) return;
    QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [joinUrl, origin]);
  const loopback = address?.loopback ?? false;

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
            {!compact && address?.advice && <p>{address.advice}</p>}
            {!compact && address && address.lanOrigins.length > 0 && (
              <p>
                This computer on the local network: <code>{address.lanOrigins[0]}</code>
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
