'use client';

import { useRef, type KeyboardEvent } from 'react';
import type { ChannelView } from '../../../server/engine/view';
import { useGameContext } from './context';
import { channelLabel } from './labels';

export const tabId = (index: number) => `channel-tab-${index}`;
export const PANEL_ID = 'channel-panel';

/**
 * The player's channels as an ARIA tab list: arrow keys move between tabs (and select),
 * Home and End jump to the ends. Each tab says its unread count, leak risk and exposure in words.
 */
export function ChannelTabs({ channels, selected, onSelect, unread }: { channels: ChannelView[]; selected: string | null; onSelect: (id: string) => void; unread: Record<string, number> }) {
  const { view } = useGameContext();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = channels.findIndex((c) => c.id === selected);
    const last = channels.length - 1;
    const next = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = next < 0 ? last : next > last ? 0 : next;
    const channel = channels[index];
    if (!channel) return;
    onSelect(channel.id);
    refs.current[index]?.focus();
  }

  return (
    <div role="tablist" aria-label="Your channels" aria-orientation="vertical" className="channel-tabs" onKeyDown={onKeyDown}>
      {channels.map((c, i) => {
        const isSelected = c.id === selected;
        const count = unread[c.id] ?? 0;
        return (
          <button
            key={c.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(i)}
            aria-selected={isSelected}
            aria-controls={PANEL_ID}
            tabIndex={isSelected ? 0 : -1}
            className="channel-tab"
            onClick={() => onSelect(c.id)}
          >
            <span className="tab-name">{channelLabel(view, c)}</span>
            <span className="tab-flags">
              {c.riskLevel ? <span className={`risk risk-${c.riskLevel}`}>leak risk: {c.riskLevel}</span> : null}
              {c.exposed ? <span className="badge badge-warn">exposed</span> : null}
              {c.left ? <span className="badge">left</span> : null}
              {!c.left && c.declined.length > 0 ? <span className="badge badge-warn">{c.declined.length} refused</span> : null}
              {!c.open && !c.left && c.kind !== 'press' ? <span className="badge">closed</span> : null}
              {count > 0 ? <span className="badge badge-new">{count} new</span> : null}
            </span>
          </button>
        );
      })}
    </div>
  );
}
