import type { DragEvent, ReactNode } from 'react';
import type { FacilitatorSeat } from '../../server/engine/view';

export interface Slot {
  tableId: string;
  roleId: string;
  roleTitle: string;
  /** The table cannot start without this seat filled. */
  required: boolean;
  holder: FacilitatorSeat | null;
  index: number;
}

interface DropProps {
  'data-drop': boolean;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
}

/** One seat at a table: its role, who holds it, and, while a player is picked, the button that puts them here. */
export function SeatSlot({ slot, picked, chip, onPlace, dropProps }: { slot: Slot; picked: FacilitatorSeat | null; chip: (s: FacilitatorSeat) => ReactNode; onPlace: (seatId: string) => void; dropProps: DropProps }) {
  const canPlace = picked && picked.id !== slot.holder?.id;
  const action = slot.holder ? `Swap ${picked?.name} with ${slot.holder.name} (${slot.roleTitle})` : `Seat ${picked?.name} as ${slot.roleTitle}`;
  return (
    <li className="seat-slot" {...dropProps}>
      <span>
        <span className="role" title={slot.roleTitle}>
          {shortTitle(slot.roleTitle)}
          {slot.holder ? '' : slot.required ? ' — needed' : ' — optional, empty'}
        </span>
        {slot.holder && (
          <>
            <br />
            {chip(slot.holder)}
          </>
        )}
      </span>
      {canPlace && (
        <button type="button" className="small-button" onClick={() => onPlace(picked.id)} aria-label={`${action} at table ${slot.tableId.replace(/^t/, '')}`}>
          {slot.holder ? 'Swap here' : 'Seat here'}
        </button>
      )}
    </li>
  );
}

/** “John Scali, ABC News correspondent (go-between)” → “John Scali”: the seat list stays compact. */
export function shortTitle(title: string): string {
  return title.split(/[,(]/)[0]?.trim() || title;
}
