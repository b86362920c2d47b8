import type { FacilitatorView } from '../../server/engine/view';

/** Words for the ids in the god view: tables, sides, roles, seats, channels. */
export function labels(view: FacilitatorView) {
  const scenario = view.scenario;
  const tableName = (tableId: string) => `Table ${tableId.replace(/^t/, '')}`;
  const sideName = (sideId: string | null) => (sideId ? (scenario.sides.find((s) => s.id === sideId)?.name ?? sideId) : 'no side');
  const role = (roleId: string | null) => scenario.roles.find((r) => r.id === roleId) ?? null;
  const seatName = (seatId: string) => view.seats[seatId]?.name ?? 'someone';
  const seatLabel = (seatId: string) => {
    const seat = view.seats[seatId];
    const r = role(seat?.roleId ?? null);
    return seat ? `${seat.name}${r ? ` (${r.title})` : ''}` : 'someone';
  };
  const channelName = (channelId: string) => {
    const c = view.channels[channelId];
    if (!c) return channelId;
    if (c.kind === 'front') return 'Front channel';
    if (c.kind === 'press') return 'Press room';
    if (c.kind === 'team') return `Team: ${sideName(c.side)}`;
    const who = c.members.map(seatName).join(', ');
    return `Back channel${c.topic ? ` “${c.topic}”` : ''} (${who || 'empty'})`;
  };
  return { tableName, sideName, role, seatName, seatLabel, channelName };
}

export type Labels = ReturnType<typeof labels>;

/** mm:ss for a number of milliseconds. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same words the players see for a back channel's risk. */
export { riskLevel } from '../../shared/risk-level';
