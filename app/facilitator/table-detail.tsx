'use client';

import { useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { labels } from './labels';
import { TableTools } from './table-tools';
import { TipsAndStories } from './tips-and-stories';
import type { SessionTools } from './tools';

const ORDER = { front: 0, team: 1, back: 2, press: 3 } as const;
const TIPS = 'tips';

/**
 * One table, every channel live: tabs with unread counts (what arrived since the tab was last
 * read), the messages, and from any team or back-channel message a leak as quote or paraphrase.
 */
export function TableDetail(tools: SessionTools & { tableId: string }) {
  const { view, tableId, sessionId, act } = tools;
  const { channelName, seatLabel } = labels(view);
  const channels = Object.values(view.channels)
    .filter((c) => c.tableId === tableId)
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const [current, setCurrent] = useState<string>(channels[0]?.id ?? TIPS);
  const count = (id: string) => (id === TIPS ? Object.values(view.tips).filter((t) => t.tableId === tableId).length : view.messages.filter((m) => m.channelId === id).length);
  const seen = useRef<Record<string, number>>({});
  const [, redraw] = useState(0);
  // What is on screen is read; on first sight of the table everything before counts as read.
  useEffect(() => {
    for (const c of channels) seen.current[c.id] ??= count(c.id);
    seen.current[TIPS] ??= count(TIPS);
    seen.current[current] = count(current);
  });
  const unread = (id: string) => Math.max(0, count(id) - (seen.current[id] ?? count(id)));
  const messages = view.messages.filter((m) => m.channelId === current);
  const channel = view.channels[current];
  const leakable = channel && (channel.kind === 'back' || channel.kind === 'team');

  const tab = (id: string, name: string) => {
    const n = id === current ? 0 : unread(id);
    return (
      <li key={id}>
        <button
          type="button"
          className="small-button"
          aria-pressed={id === current}
          onClick={() => {
            setCurrent(id);
            redraw((x) => x + 1);
          }}
        >
          {name}
          {n > 0 && (
            <span className="unread" aria-label={`${n} unread`}>
              {n}
            </span>
          )}
        </button>
      </li>
    );
  };

  return (
    <>
      <ul className="god-tabs" aria-label="Channels">
        {channels.map((c) => tab(c.id, channelName(c.id)))}
        {tab(TIPS, 'Tips and stories')}
      </ul>
      {current === TIPS ? (
        <TipsAndStories view={view} tableId={tableId} />
      ) : (
        <section aria-label={channelName(current)}>
          {messages.length === 0 ? (
            <p className="hint">No message in this channel yet.</p>
          ) : (
            <div role="log" aria-label={`Messages in ${channelName(current)}`}>
            <ol className="message-list">
              {messages.map((m) => (
                <li key={m.id} data-control={m.author.kind === 'control'}>
                  <span className="message-meta">
                    {m.author.kind === 'control' ? 'Control' : seatLabel(m.author.seatId)} · {new Date(m.at).toLocaleTimeString()}
                    {m.leakRisk !== null ? ` · leak risk ${Math.round(m.leakRisk * 100)}%` : ''}
                  </span>
                  <br />
                  {m.text}
                  {leakable && m.author.kind === 'seat' && (
                    <span className="seat-actions">
                      <button type="button" className="small-button secondary" onClick={() => void act(() => api.session.leakMessage.mutate({ sessionId, messageId: m.id, form: 'quote' }), 'Leaked as a quote.')}>
                        Leak as quote
                      </button>
                      <button type="button" className="small-button secondary" onClick={() => void act(() => api.session.leakMessage.mutate({ sessionId, messageId: m.id, form: 'paraphrase' }), 'Leaked as a paraphrase.')}>
                        Leak as paraphrase
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ol>
            </div>
          )}
        </section>
      )}
      <TableTools {...tools} channelId={current === TIPS ? null : current} />
    </>
  );
}
