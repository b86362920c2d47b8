import type { ReactNode } from 'react';
import type { FacilitatorView } from '../../server/engine/view';
import type { Presence } from './use-presence';

/** What every part of the session screen gets: the live view and the ways to act on it. */
export interface SessionTools {
  sessionId: string;
  view: FacilitatorView;
  skewMs: number;
  /** Who has a socket open and which seats bots play; null until known. */
  presence: Presence | null;
  act: (action: () => Promise<unknown>, done?: string) => Promise<boolean>;
  confirm: (ask: { title: string; body: ReactNode; confirm: string }) => Promise<boolean>;
}
