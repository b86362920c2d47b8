'use client';

import { useState } from 'react';
import type { ChannelView, ProposalView } from '../../../server/engine/view';
import { BackChannelControls } from './back-channels';
import { ChannelTabs, PANEL_ID, tabId } from './channel-tabs';
import { Compose } from './compose';
import { useGameContext } from './context';
import { useDrafts } from './desk';
import { channelDescription, channelLabel, seatLabel, seatName } from './labels';
import { MessageLog } from './message-log';
import { Proposals } from './proposals';
import { ProposeForm } from './propose-form';
import { Stories } from './stories';
import { useUnreadChannels } from './unread';

const ORDER = { front: 0, team: 1, back: 2, press: 3 } as const;

/** Channels in a stable order: front, team, back channels (the ones I left last), press. */
export function sortChannels(channels: ChannelView[]): ChannelView[] {
  return channels
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[a.c.kind] - ORDER[b.c.kind] || Number(a.c.left) - Number(b.c.left) || a.i - b.i)
    .map((x) => x.c);
}

function ChannelHeader({ channel }: { channel: ChannelView }) {
  const { view } = useGameContext();
  const alone = !channel.left && channel.members.length <= 1 && channel.invited.length === 0;
  return (
    <div className="channel-header">
      <h3 id="channel-title">{channelLabel(view, channel)}</h3>
      <p className="hint">{channelDescription(channel)}</p>
      {channel.kind === 'back' ? (
        <>
          <p className="meta">
            Members: {channel.members.map((id) => seatLabel(view, id)).join(', ')}
            {channel.invited.length > 0 ? <> · Invited, not answered yet: {channel.invited.map((id) => seatLabel(view, id)).join(', ')}</> : null}
            {channel.declined.length > 0 ? <> · Refused: {channel.declined.map((id) => seatLabel(view, id)).join(', ')}</> : null}
          </p>
          {alone && channel.declined.length > 0 ? (
            <p className="notice notice-warn">
              Nobody else is in this back channel: {channel.declined.map((id) => seatName(view, id)).join(', ')} refused. Bring someone else in below, or leave it.
            </p>
          ) : null}
          <p>
            {channel.riskLevel ? <span className={`risk risk-${channel.riskLevel}`}>leak risk: {channel.riskLevel}</span> : null}{' '}
            {channel.riskFactors?.length ? <span className="risk-factors">raised by: {channel.riskFactors.join(', ')}</span> : null}{' '}
            {channel.exposed ? (
              <>
                <span className="badge badge-warn">Exposed</span> The press has reported this channel.
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {channel.left ? <p className="notice">You left this back channel: you only see what was said before.</p> : null}
    </div>
  );
}

/** The channel list and the selected channel: its messages, proposals and the compose box. */
export function ChannelBoard({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { view } = useGameContext();
  const channels = sortChannels(view.channels);
  const current = channels.find((c) => c.id === selected) ?? channels[0] ?? null;
  const unread = useUnreadChannels(view, current?.id ?? null);
  const [drafts, setDraft] = useDrafts(view.session.code, view.me.seatId);
  const [counter, setCounter] = useState<ProposalView | null>(null);

  if (!current) return <p className="muted">You have no channels yet.</p>;
  const index = channels.indexOf(current);
  const counterHere = counter && counter.channelId === current.id ? counter : null;

  return (
    <section aria-labelledby="channels-title" className="card channels">
      <h2 id="channels-title">Channels</h2>
      <div className="channel-layout">
        <ChannelTabs channels={channels} selected={current.id} onSelect={onSelect} unread={unread} />
        <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(index)} className="channel-panel">
          <ChannelHeader channel={current} />
          {current.kind === 'press' ? (
            <Stories />
          ) : (
            <>
              <MessageLog key={current.id} channel={current} />
              <Compose channel={current} draft={drafts[current.id] ?? ''} setDraft={(text) => setDraft(current.id, text)} />
              <Proposals channel={current} onCounter={setCounter} />
              <ProposeForm key={`${current.id}:${counterHere?.id ?? 'new'}`} channel={current} counter={counterHere} onDone={() => setCounter(null)} />
              <BackChannelControls key={`controls-${current.id}`} channel={current} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
