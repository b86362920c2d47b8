'use client';

import Link from 'next/link';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { SeatView } from '../../../server/engine/view';
import { rememberSeat } from '../../lib/seat-store';
import { useAnnouncer, useViewAnnouncements } from './announcer';
import { GameContext, type GameContextValue } from './context';
import { useBroadcastInbox } from './desk';
import { Connecting, NameForm, Refused, Removed } from './entry';
import { GameBoard } from './game-board';
import { Lobby } from './lobby';
import { useGame, type Game } from './use-game';

/**
 * The student's screen for one room: joins (or rejoins with the stored seat token), then shows
 * the lobby, the game or the end, from the view the server sends. What is said aloud goes through
 * two live regions: a polite one for most news, an assertive one for broadcasts from Control.
 */
/** `nameLength`: the engine's limit on display names, from the server page (no view exists before joining). */
export function GameScreen({ code, linkName, nameLength }: { code: string; linkName: string | null; nameLength: number }) {
  const game = useGame(code, linkName);
  // A ?name= link: the hook has the name; the address (history, projected screens) must not keep it.
  useEffect(() => {
    if (linkName && window.location.search) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [linkName]);
  const polite = useAnnouncer();
  const urgent = useAnnouncer();
  useViewAnnouncements(game.view, polite.announce, urgent.announce);
  const { view, connection } = game;

  let body: ReactNode;
  if (connection.state === 'removed') body = <Removed message={connection.message} />;
  else if (connection.state === 'needs-name') body = <NameForm key={connection.message ?? ''} code={code} initialName={game.name ?? ''} message={connection.message} onJoin={game.join} nameLength={nameLength} />;
  else if (connection.state === 'refused') body = <Refused code={code} reason={connection.code} message={connection.message} retryAt={connection.retryAt} onRetry={game.retry} />;
  else if (!view) body = <Connecting code={code} retrying={connection.state === 'connecting' && connection.retrying} />;
  else body = <Seated key={view.me.seatId} code={code} view={view} game={game} announce={polite.announce} />;

  return (
    <div className="game-screen">
      {body}
      <div className="visually-hidden" aria-live="polite" aria-atomic="false">
        {polite.items.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="false">
        {urgent.items.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
    </div>
  );
}

/** Once the server has given a seat: the lobby, the game or the end, with what this device keeps for the seat. */
function Seated({ code, view, game, announce }: { code: string; view: SeatView; game: Game; announce: (text: string) => void }) {
  const { send, skewMs, connection } = game;
  const inbox = useBroadcastInbox(code, view.me.seatId, view.broadcasts);
  const context = useMemo<GameContextValue>(() => ({ view, send, skewMs, announce, inbox }), [view, send, skewMs, announce, inbox]);
  // For the home page's "return to your game".
  useEffect(() => rememberSeat(code, { name: view.me.name, title: view.session.scenario.title }), [code, view.me.name, view.session.scenario.title]);

  const status = connection.state === 'reconnecting' ? 'Reconnecting…' : null;
  const me = view.me;
  return (
    <GameContext value={context}>
      {me.status === 'left' ? (
        <section className="card" aria-labelledby="left-title">
          <h1 id="left-title">You left room {code}</h1>
          <button type="button" onClick={game.forgetSeat}>
            Join again
          </button>{' '}
          <Link href="/">Home</Link>
        </section>
      ) : !me.role || view.session.status === 'lobby' ? (
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
