'use client';

import { useState, type DragEvent } from 'react';
import type { FacilitatorSeat } from '../../server/engine/view';
import { api } from '../lib/api';
import { labels } from './labels';
import { SeatSlot, type Slot } from './seat-slot';
import type { SessionTools } from './tools';

const DRAG_TYPE = 'application/x-backchannel-seat';

/**
 * The lobby drawn as tables and seats. A player moves by drag and drop, or by keyboard: pick the
 * player (a toggle button), then press the seat to put them in (or the player to swap with).
 */
export function LobbyBoard(tools: SessionTools) {
  const { sessionId, view, act, confirm } = tools;
  const [picked, setPicked] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const { tableName } = labels(view);
  const active = Object.values(view.seats).filter((s) => s.status === 'active');
  const waiting = active.filter((s) => !s.tableId);
  const tables = Object.keys(view.tables).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

  async function place(seatId: string, slot: Slot) {
    const mover = view.seats[seatId];
    if (!mover || (slot.holder && slot.holder.id === seatId)) return setPicked(null);
    const done = slot.holder && mover.tableId
      ? await act(() => api.session.swap.mutate({ sessionId, seatA: seatId, seatB: slot.holder!.id }), `Swapped ${mover.name} and ${slot.holder.name}.`)
      : await act(() => api.session.move.mutate({ sessionId, seatId, tableId: slot.tableId, roleId: slot.roleId }), `${mover.name} now sits at ${tableName(slot.tableId)} as ${slot.roleTitle}.`);
    if (done) setPicked(null);
  }

  async function kick(seat: FacilitatorSeat) {
    const ok = await confirm({ title: `Remove ${seat.name}?`, body: <p>{seat.name} leaves the room and cannot come back with this seat.</p>, confirm: `Remove ${seat.name}` });
    if (ok) await act(() => api.session.kick.mutate({ sessionId, seatId: seat.id }), `${seat.name} was removed.`);
  }

  const chip = (seat: FacilitatorSeat) => (
    <span className="seat-actions">
      <button
        type="button"
        className="player-chip"
        draggable
        aria-pressed={picked === seat.id}
        onClick={() => setPicked(picked === seat.id ? null : seat.id)}
        onKeyDown={(e) => e.key === 'Escape' && setPicked(null)}
        onDragStart={(e: DragEvent) => {
          e.dataTransfer.setData(DRAG_TYPE, seat.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        {seat.name}
      </button>
      <button type="button" className="small-button secondary" onClick={() => void kick(seat)} aria-label={`Remove ${seat.name}`}>
        ✕
      </button>
    </span>
  );

  const dropProps = (key: string, slot: Slot) => ({
    'data-drop': dropOn === key,
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      setDropOn(key);
    },
    onDragLeave: () => setDropOn((k) => (k === key ? null : k)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDropOn(null);
      const seatId = e.dataTransfer.getData(DRAG_TYPE);
      if (seatId) void place(seatId, slot);
    },
  });

  const pickedSeat = picked ? view.seats[picked] : undefined;
  return (
    <section aria-labelledby="lobby-title">
      <h3 id="lobby-title">
        Players ({active.length}) — {tables.length === 0 ? 'not dealt yet' : `${tables.length} table${tables.length === 1 ? '' : 's'}`}
      </h3>
      <p className="hint" aria-live="polite">
        {pickedSeat
          ? `${pickedSeat.name} is picked: press a seat to put them there, or another player to swap. Escape or press ${pickedSeat.name} again to cancel.`
          : 'Drag a player onto a seat, or press a player to pick them and then press a seat.'}
      </p>
      <form className="inline-bots" aria-label="Add bots" onSubmit={(e) => {
        e.preventDefault();
        const count = Number(new FormData(e.currentTarget).get('bots'));
        void act(() => api.session.fillWithBots.mutate({ sessionId, count }), `${count} bot${count === 1 ? '' : 's'} joined the room.`);
      }}>
        <label htmlFor="bot-count">Bots to add to the room</label>
        <input id="bot-count" name="bots" type="number" min={1} max={60} defaultValue={1} required />
        <button type="submit" className="small-button secondary">Add bots</button>
      </form>
      <h4>Waiting for a seat ({waiting.length})</h4>
      {waiting.length === 0 ? (
        <p className="hint">Nobody is waiting.</p>
      ) : (
        <ul className="waiting-list" aria-label="Waiting for a seat">
          {waiting.map((s) => (
            <li key={s.id}>{chip(s)}</li>
          ))}
        </ul>
      )}
      {tables.length > 0 && (
        <div className="lobby-grid">
          {tables.map((tableId) => (
            <section key={tableId} className="lobby-table" aria-labelledby={`lobby-${tableId}`}>
              <h3 id={`lobby-${tableId}`}>{tableName(tableId)}</h3>
              <ul className="seat-list">
                {slotsOf(view, tableId).map((slot) => {
                  const key = `${tableId}/${slot.roleId}/${slot.holder?.id ?? slot.index}`;
                  return <SeatSlot key={key} slot={slot} picked={pickedSeat ?? null} chip={chip} onPlace={(seatId) => void place(seatId, slot)} dropProps={dropProps(key, slot)} />;
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

/** A table's seats: each role's holders, then its empty places up to the role's maximum. */
function slotsOf(view: SessionTools['view'], tableId: string): Slot[] {
  const seats = Object.values(view.seats).filter((s) => s.status === 'active' && s.tableId === tableId);
  return view.scenario.roles.flatMap((role) => {
    const holders = seats.filter((s) => s.roleId === role.id);
    const empty = Math.max(0, role.max - holders.length);
    return [
      ...holders.map((holder, index): Slot => ({ tableId, roleId: role.id, roleTitle: role.title, required: index < role.min, holder, index })),
      ...Array.from({ length: empty }, (_, i): Slot => ({ tableId, roleId: role.id, roleTitle: role.title, required: holders.length + i < role.min, holder: null, index: holders.length + i })),
    ];
  });
}
