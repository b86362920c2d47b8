'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, errorMessage } from '../lib/api';
import { LoginForm } from './login-form';

export type Me = NonNullable<Awaited<ReturnType<typeof api.auth.me.query>>>;

const LINKS = [
  { href: '/facilitator', label: 'Sessions' },
  { href: '/facilitator/debriefs', label: 'Debriefs' },
  { href: '/facilitator/library', label: 'Scenario library' },
  { href: '/facilitator/accounts', label: 'Accounts' },
];

/** The sign-in gate and the cockpit's navigation: every facilitator screen sits inside it. */
export function SignedIn({ children }: { children: (me: Me) => ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const path = usePathname();

  const refresh = useCallback(async () => {
    try {
      setMe(await api.auth.me.query());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (me === undefined) return <p aria-live="polite">{error ?? 'Loading…'}</p>;
  if (me === null) return <LoginForm onSignedIn={refresh} />;
  return (
    <>
      <nav aria-label="Facilitator" className="cockpit-nav">
        {LINKS.map((l) => (
          <a key={l.href} href={l.href} aria-current={path === l.href ? 'page' : undefined}>
            {l.label}
          </a>
        ))}
        <span className="who hint">
          {me.email}
          {me.isAdmin ? ' (administrator)' : ''}{' '}
          <button type="button" className="link-button" onClick={() => void api.auth.logout.mutate().then(refresh)}>
            Sign out
          </button>
        </span>
      </nav>
      {children(me)}
    </>
  );
}
