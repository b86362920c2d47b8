'use client';

import { useState, type FormEvent } from 'react';
import type { FacilitatorSeat } from '../../server/engine/view';
import { api } from '../lib/api';
import { labels } from './labels';
import type { SessionTools } from './tools';

/**
 * The seats of one table in play: give a seat (its role and everything it saw) to a waiting
 * student or a newcomer by name, or to a bot; remove a player after confirming.
 */
export function SeatsPanel(tools: SessionTools & { tableId: string }) {
  const { view, tableId, sessionId, act, confirm } = tools;
  const { role } = labels(view);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<string | null>(null);
  const seats = Object.values(view.seats).filter((s) => s.tableId === tableId && s.status === 'active');
  const waiting = Object.values(view.seats).filter((s) => s.status === 'active' && !s.tableId);

  async function replace(event: FormEvent<HTMLFormElement>, seat: FacilitatorSeat) {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    const who = String(d.get('who') ?? '');
    const name = String(d.get('name') ?? '').trim();
    const newcomer = who ? { seatId: who } : { name };
    let path: string | null = null;
    const ok = await act(async () => {
      path = (await api.session.replace.mutate({ sessionId, seatId: seat.id, newcomer })).joinPath;
    }, `${who ? view.seats[who]?.name : name} now holds ${seat.name}'s seat.`);
    if (ok) {
      setReplacing(null);
      setHandOver(path ? `${window.location.origin}${path}` : null);
    }
  }

  async function kick(seat: FacilitatorSeat) {
    const yes = await confirm({ title: `Remove ${seat.name}?`, body: <p>Their seat stays at the table, empty; you can give it to someone else.</p>, confirm: `Remove ${seat.name}` });
    if (yes) await act(() => api.session.kick.mutate({ sessionId, seatId: seat.id }), `${seat.name} was removed.`);
  }

  return (
    <section aria-label="Seats at this table">
      <h4>Seats</h4>
      {handOver && (
        <p className="warning" role="status">
          Give this link to the new student (it opens the seat once, on their device): <a href={handOver}>{handOver}</a>
        </p>
      )}
      <ul className="seat-list">
        {seats.map((seat) => (
          <li key={seat.id} className="seat-slot">
            <span>
              <strong>{seat.name}</strong>{' '}
              <span className="presence" data-on={tools.presence?.connected.has(seat.id) ?? null}>
                {tools.presence ? (tools.presence.bots.has(seat.id) ? 'bot' : tools.presence.connected.has(seat.id) ? 'connected' : 'disconnected') : ''}
              </span>
              <br />
              <span className="role">{role(seat.roleId)?.title}</span>
            </span>
            <span className="seat-actions">
              <button type="button" className="small-button secondary" aria-expanded={replacing === seat.id} onClick={() => setReplacing(replacing === seat.id ? null : seat.id)} aria-label={`Replace ${seat.name}`}>
                Replace
              </button>
              <button type="button" className="small-button secondary" onClick={() => void act(() => api.session.fillWithBots.mutate({ sessionId, seatIds: [seat.id] }), `A bot now plays ${seat.name}'s seat.`)} aria-label={`Give ${seat.name}'s seat to a bot`}>
                Bot
              </button>
              <button type="button" className="small-button secondary" onClick={() => void kick(seat)} aria-label={`Remove ${seat.name}`}>
                ✕
              </button>
            </span>
            {replacing === seat.id && (
              <form className="replace-form" onSubmit={(e) => void replace(e, seat)} aria-label={`Replace ${seat.name}`}>
                <label htmlFor={`who-${seat.id}`}>A waiting student</label>
                <select id={`who-${seat.id}`} name="who" defaultValue="">
                  <option value="">— a newcomer, by name below —</option>
                  {waiting.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
                <label htmlFor={`name-${seat.id}`}>Or a newcomer&apos;s name</label>
                <input id={`name-${seat.id}`} name="name" maxLength={view.limits.nameLength} />
                <button type="submit" className="small-button">
                  Give the seat
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
