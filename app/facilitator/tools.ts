import type { ReactNode } from 'react';
import type { FacilitatorView } from '../../server/engine/view';

/** What every part of the session screen gets: the live view and the ways to act on it. */
export interface SessionTools {
  sessionId: string;
  view: FacilitatorView;
  skewMs: number;
  act: (action: () => Promise<unknown>, done?: string) => Promise<boolean>;
  confirm: (ask: { title: string; body: ReactNode; confirm: string }) => Promise<boolean>;
}
