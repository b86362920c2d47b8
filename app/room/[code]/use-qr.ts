'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The QR code of a link, as SVG markup drawn by the qrcode library from our own URL. */
export function useQr(url: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [url]);
  return qr;
}
