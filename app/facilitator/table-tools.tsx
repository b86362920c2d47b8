'use client';

import type { FormEvent } from 'react';
import { api } from '../lib/api';
import { labels } from './labels';
import type { SessionTools } from './tools';

/** From a table: post as Control into a channel, plant a rumour, broadcast to this table or all. */
export function TableTools({ sessionId, view, act, tableId, channelId }: SessionTools & { tableId: string; channelId: string | null }) {
  const { channelName, tableName } = labels(view);
  const channels = Object.values(view.channels).filter((c) => c.tableId === tableId);

  const submit = (run: (data: FormData) => Promise<unknown>, done: string) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (await act(() => run(new FormData(form)), done)) form.reset();
  };
  const get = (data: FormData, key: string) => String(data.get(key) ?? '');

  return (
    <div className="tool-grid">
      <form aria-label="Post as Control" onSubmit={submit((d) => api.session.controlPost.mutate({ sessionId, channelId: get(d, 'channel'), text: get(d, 'text') }), 'Posted as Control.')}>
        <h4>Post as Control</h4>
        <label htmlFor={`post-channel-${tableId}`}>Channel</label>
        <select id={`post-channel-${tableId}`} name="channel" key={channelId ?? 'none'} defaultValue={channelId ?? channels[0]?.id}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {channelName(c.id)}
            </option>
          ))}
        </select>
        <label htmlFor={`post-text-${tableId}`}>Message</label>
        <textarea id={`post-text-${tableId}`} name="text" rows={2} required maxLength={view.limits.messageLength} />
        <button type="submit">Post</button>
      </form>
      <form aria-label="Plant a rumour" onSubmit={submit((d) => api.session.plantRumour.mutate({ sessionId, tableId, text: get(d, 'text'), to: get(d, 'to') as 'journalists' | 'spoilers' | 'both' }), 'Rumour planted.')}>
        <h4>Plant a rumour</h4>
        <label htmlFor={`rumour-text-${tableId}`}>Rumour</label>
        <textarea id={`rumour-text-${tableId}`} name="text" rows={2} required maxLength={view.limits.messageLength} />
        <label htmlFor={`rumour-to-${tableId}`}>Whisper it to</label>
        <select id={`rumour-to-${tableId}`} name="to" defaultValue="journalists">
          <option value="journalists">Journalists</option>
          <option value="spoilers">Spoilers</option>
          <option value="both">Journalists and spoilers</option>
        </select>
        <button type="submit">Plant rumour</button>
      </form>
      <form aria-label="Broadcast" onSubmit={submit((d) => api.session.broadcast.mutate({ sessionId, text: get(d, 'text'), ...(get(d, 'scope') === 'table' ? { tableId } : {}) }), 'Broadcast sent.')}>
        <h4>Broadcast from Control</h4>
        <label htmlFor={`bc-text-${tableId}`}>Message</label>
        <textarea id={`bc-text-${tableId}`} name="text" rows={2} required maxLength={view.limits.messageLength} />
        <label htmlFor={`bc-scope-${tableId}`}>To</label>
        <select id={`bc-scope-${tableId}`} name="scope" defaultValue="table">
          <option value="table">Everyone at {tableName(tableId)}</option>
          <option value="all">Everyone at every table</option>
        </select>
        <button type="submit">Broadcast</button>
      </form>
    </div>
  );
}
