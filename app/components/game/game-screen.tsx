'use client';

import Link from 'next/link';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useAnnouncer, useViewAnnouncements } from './announcer';
import { GameContext, type GameContextValue } from './context';
import { Connecting, NameForm, Refused, Removed } from './entry';
import { GameBoard } from './game-board';
import { Lobby } from './lobby';
import { useGame } from './use-game';

/**
 * The student's screen for one room: joins (or rejoins with the stored seat token), then shows
 * the lobby, the game or the end, from the view the server sends. Everything said aloud goes
 * through one polite live region.
 */
export function GameScreen({ code, linkName }: { code: string; linkName: string | null }) {
  const game = useGame(code, linkName);
  // A ?name= link: the hook has the name; the address (history, projected screens) must not keep it.
  useEffect(() => {
    if (linkName && window.location.search) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [linkName]);
  const { items, announce } = useAnnouncer();
  useViewAnnouncements(game.view, announce);
  const { view, send, skewMs, connection } = game;

  const context = useMemo<GameContextValue | null>(() => (view ? { view, send, skewMs, announce } : null), [view, send, skewMs, announce]);

  let body: ReactNode;
  if (connection.state === 'removed') body = <Removed message={connection.message} />;
  else if (connection.state === 'needs-name') body = <NameForm key={connection.message ?? ''} code={code} initialName={game.name ?? ''} message={connection.message} onJoin={game.join} />;
  else if (connection.state === 'refused') body = <Refused code={code} reason={connection.code} message={connection.message} retryAt={connection.retryAt} onRetry={game.retry} />;
  else if (!context) body = <Connecting code={code} retrying={connection.state === 'connecting' && connection.retrying} />;
  else {
    const status = connection.state === 'reconnecting' ? 'Reconnecting…' : null;
    const me = context.view.me;
    body = (
      <GameContext value={context}>
        {me.status === 'left' ? (
          <section className="card" aria-labelledby="left-title">
            <h1 id="left-title">You left room {code}</h1>
            <button type="button" onClick={game.forgetSeat}>
              Join again
            </button>{' '}
            <Link href="/">Home</Link>
          </section>
        ) : !me.role || context.view.session.status === 'lobby' ? (
          <>
            {status ? <p className="connection-banner">{status}</p> : null}
            <Lobby onLeft={game.forgetSeat} />
          </>
        ) : (
          <GameBoard status={status} />
        )}
      </GameContext>
    );
  }

  return (
    <div className="game-screen">
      {body}
      <div className="visually-hidden" aria-live="polite" aria-atomic="false">
        {items.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
    </div>
  );
}
