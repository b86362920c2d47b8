'use client';

import { useEffect, useState } from 'react';
import { Invitations, OpenBackChannel } from './back-channels';
import { BroadcastBanner } from './broadcasts';
import { ChannelBoard, sortChannels } from './channel-board';
import { Clock } from './clock';
import { useGameContext } from './context';
import { useSelectedChannel } from './desk';
import { EndPanel } from './end-panel';
import { KIND_LABEL, sideName } from './labels';
import { RoleCard } from './role-card';
import { RoleTools } from './role-tools';
import { TablePanel } from './table-panel';

/** The game once roles are dealt: clock bar, then the channels beside the role card and the table. */
export function GameBoard({ status }: { status: string | null }) {
  const { view } = useGameContext();
  const channels = sortChannels(view.channels);
  // The channel open before a reload; else where one can talk now (the team channel during the briefing), else the front channel.
  const [selected, setSelected] = useSelectedChannel(
    view.session.code,
    view.me.seatId,
    channels.map((c) => c.id),
    (channels.find((c) => c.open && c.kind !== 'press') ?? channels[0])?.id ?? null,
  );
  const onSelect = setSelected;
  const briefing = view.session.phase?.kind === 'briefing' && view.session.status === 'running';
  const role = view.me.role;

  // After opening a back channel, select it as soon as it appears in the view.
  const [awaiting, setAwaiting] = useState<string[] | null>(null);
  useEffect(() => {
    if (!awaiting) return;
    const created = view.channels.find((c) => c.kind === 'back' && !awaiting.includes(c.id));
    if (created) {
      setSelected(created.id);
      setAwaiting(null);
    }
  }, [awaiting, view.channels, setSelected]);

  return (
    <div className="game">
      <header className="game-bar">
        <h1 className="game-title">
          {view.session.scenario.title}
          <span className="game-sub">
            {' '}
            — {view.me.name}
            {role ? `, ${role.title}` : ''}
          </span>
        </h1>
        <p className="game-meta">
          Room <span className="code">{view.session.code}</span>
          {role ? (
            <>
              {' '}
              · {KIND_LABEL[role.kind]} · {sideName(view, role.side)}
            </>
          ) : null}
          {status ? (
            <span className="connection" role="status">
              {' '}
              · {status}
            </span>
          ) : (
            <span className="connection" role="status" />
          )}
        </p>
      </header>
      {/* Stays at the top while scrolling: the clock, and what Control just said. */}
      <div className="game-top">
        <Clock />
        <BroadcastBanner />
      </div>
      {/* One column on a phone: the sections are far apart, so say where they are. */}
      <nav aria-label="On this page" className="jump-nav">
        <a href="#channels-title">Channels</a>
        <a href="#role-title">Your role</a>
        <a href="#table-title">The table</a>
      </nav>
      <div className="game-columns">
        <div className="game-main">
          <EndPanel />
          {briefing ? (
            <p className="notice">
              Briefing: <a href="#role-title">read your role brief</a> before the talks open.{' '}
              {view.session.phase?.openChannels.includes('team') ? 'You can already talk to your own side in your team channel.' : ''}
            </p>
          ) : null}
          <Invitations onAccepted={setSelected} />
          <ChannelBoard selected={selected} onSelect={onSelect} />
          <OpenBackChannel onOpened={setAwaiting} />
          <RoleTools />
        </div>
        <aside className="game-side" aria-label="Your role and the table">
          {/* During the briefing the brief comes first; afterwards the table's news does. */}
          {briefing ? <RoleCard /> : null}
          <TablePanel />
          {!briefing ? <RoleCard /> : null}
        </aside>
      </div>
    </div>
  );
}
