'use client';

import { useEffect, useRef } from 'react';
import type { ChannelView } from '../../../server/engine/view';
import { useGameContext } from './context';
import { authorLabel, channelLabel, timeOf } from './labels';

/**
 * One channel's messages in a polite log region. Mounted per channel (keyed by its id), so
 * switching channels does not read the whole history aloud; new messages are read as they come.
 */
export function MessageLog({ channel }: { channel: ChannelView }) {
  const { view } = useGameContext();
  const ref = useRef<HTMLDivElement>(null);
  const messages = view.messages.filter((m) => m.channelId === channel.id);
  const last = messages[messages.length - 1];
  const lastMine = last?.author.kind === 'seat' && last.author.seatId === view.me.seatId;

  // Follow new messages when the reader is at the bottom (or wrote the message).
  const atBottom = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && (atBottom.current || lastMine)) el.scrollTop = el.scrollHeight;
  }, [messages.length, lastMine]);

  return (
    <div
      ref={ref}
      className="log"
      role="log"
      aria-live="polite"
      aria-label={`Messages in ${channelLabel(view, channel)}`}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {messages.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ol className="messages">
          {messages.map((m) => {
            const who = authorLabel(view, m.author);
            const mine = m.author.kind === 'seat' && m.author.seatId === view.me.seatId;
            return (
              <li key={m.id} className={`message${mine ? ' message-mine' : ''}${m.author.kind === 'control' ? ' message-control' : ''}`}>
                <p className="meta">
                  <strong>{mine ? `${who.name} (you)` : who.name}</strong>
                  {who.role ? <span> · {who.role}</span> : null} · <time dateTime={new Date(m.at).toISOString()}>{timeOf(m.at)}</time>
                </p>
                <p className="message-text">{m.text}</p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
