import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Backchannel', template: '%s · Backchannel' },
  description: 'A multiplayer role-play for learning back-channel negotiation.',
};

// Every page is rendered per request: its Content-Security-Policy nonce is new each time (see
// server/http/security-headers.ts), and a page prerendered at build time would carry none, so
// the browser would refuse its scripts.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* First focusable element, so keyboard and screen-reader users can skip the header. */}
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Backchannel
          </Link>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Backchannel — a classroom simulation of negotiation in public and in secret.</p>
        </footer>
      </body>
    </html>
  );
}
