'use client';

import { createContext, useCallback, useContext, useState } from 'react';
import type { PlayerCommand } from '../../../server/realtime/protocol';
import type { SeatView } from '../../../server/engine/view';
import type { BroadcastInbox } from './desk';
import type { Send } from './use-game';

export interface GameContextValue {
  view: SeatView;
  send: Send;
  skewMs: number;
  /** Says something through the polite live region. */
  announce: (text: string) => void;
  /** Broadcasts not yet dismissed, shown in the banner at the top. */
  inbox: BroadcastInbox;
}

export const GameContext = createContext<GameContextValue | null>(null);

export function useGameContext(): GameContextValue {
  const value = useContext(GameContext);
  if (!value) throw new Error('useGameContext outside <GameContext>');
  return value;
}

/**
 * Sends one command and keeps its outcome for the control that sent it: `pending` while the
 * server decides, then the server's message (written for people) if it refused.
 */
export function useCommand(): {
  run: (command: PlayerCommand) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  clearError: () => void;
} {
  const { send } = useGameContext();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (command: PlayerCommand) => {
      setPending(true);
      setError(null);
      const result = await send(command);
      setPending(false);
      if (!result.ok) setError(result.message);
      return result.ok;
    },
    [send],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
