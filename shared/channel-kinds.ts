/** The kinds of channel a scenario may open per phase; the scenario schema and the cockpit's options both list them. */
export const CHANNEL_KINDS = ['front', 'team', 'back', 'press'] as const;
