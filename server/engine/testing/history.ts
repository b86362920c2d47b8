import type { GameEvent } from '../events';
import { DEFAULT_OPTIONS, type SessionOptions, type Term } from '../state';
import { testScenario } from './fixture';
import { T0 } from './harness';

/**
 * Histories for given/when/then tests, written as the events they are (see spec.ts). The test
 * crisis at one table of nine, with fixed seat ids so a test reads like the story it tells.
 */

export const SEATS = { nL: 's1', sL: 's2', nE: 's3', sE: 's4', j: 's5', nS: 's6', sS: 's7', nE2: 's8', sE2: 's9' } as const;
const ROLES: Record<keyof typeof SEATS, string> = {
  nL: 'n-leader', sL: 's-leader', nE: 'n-envoy', sE: 's-envoy', j: 'journalist', nS: 'n-spoiler', sS: 's-spoiler', nE2: 'n-envoy', sE2: 's-envoy',
};

/** When round 1 starts, and when its deadline falls (the test crisis's rounds last 120 s). */
export const ROUND_1 = T0 + 60_000;
export const ROUND_1_DEADLINE = ROUND_1 + 120_000;
/** The default time of the events below: a second into round 1. */
export const AT = ROUND_1 + 1000;

export const created = (options: Partial<SessionOptions> = {}, at = T0): GameEvent => ({
  type: 'SessionCreated', code: 'ABC234', scenario: testScenario, options: { ...DEFAULT_OPTIONS, ...options }, seed: 42, at,
});
export const joined = (seatId: string, name: string, at = T0): GameEvent => ({ type: 'PlayerJoined', seatId, name, at });
export const leftRoom = (seatId: string, at = T0): GameEvent => ({ type: 'PlayerLeft', seatId, at });

/** Nine players dealt into table t1 (seat ids in SEATS), in the first negotiation round. */
export function roundOne(options: Partial<SessionOptions> = {}): GameEvent[] {
  const names = Object.keys(SEATS);
  return [
    created(options),
    ...names.map((key) => joined(SEATS[key as keyof typeof SEATS], key)),
    {
      type: 'SeatsDealt', tableIds: ['t1'], rng: 42, at: T0,
      assignments: names.map((key) => ({ seatId: SEATS[key as keyof typeof SEATS], tableId: 't1', roleId: ROLES[key as keyof typeof SEATS] })),
    },
    { type: 'SessionStarted', at: T0 },
    { type: 'PhaseStarted', phaseIndex: 0, rng: null, at: T0 },
    { type: 'DeadlineSet', deadlineAt: ROUND_1, at: T0 },
    { type: 'PhaseStarted', phaseIndex: 1, rng: null, at: ROUND_1 },
    { type: 'DeadlineSet', deadlineAt: ROUND_1_DEADLINE, at: ROUND_1 },
  ];
}

export const opened = (channelId: string, by: string, invitees: string[], at = AT): GameEvent => ({
  type: 'BackChannelOpened', channelId, tableId: 't1', by, topic: 'the border', invitees, at,
});
export const invited = (channelId: string, seatId: string, by: string, at = AT): GameEvent => ({ type: 'BackChannelInvited', channelId, seatId, by, at });
export const answered = (channelId: string, seatId: string, accepted = true, at = AT): GameEvent => ({ type: 'InvitationAnswered', channelId, seatId, accepted, at });
export const leftChannel = (channelId: string, seatId: string, at = AT): GameEvent => ({ type: 'BackChannelLeft', channelId, seatId, at });
export const said = (messageId: string, channelId: string, seatId: string, text: string, at = AT): GameEvent => ({
  type: 'MessagePosted', messageId, tableId: 't1', channelId, author: { kind: 'seat', seatId }, text, leakRisk: 0, rng: null, at,
});
export const proposed = (proposalId: string, channelId: string, by: string, terms: Term[], mode: 'exploratory' | 'official' = 'official', at = AT): GameEvent => ({
  type: 'ProposalMade', proposalId, tableId: 't1', channelId, by, terms, mode, counterTo: null, leakRisk: null, rng: null, at,
});
export const acceptedBy = (proposalId: string, by: string, side: string, at = AT): GameEvent => ({ type: 'ProposalAccepted', proposalId, by, side, at });
export const signedBy = (proposalId: string, by: string, at = AT): GameEvent => ({ type: 'ProposalSigned', proposalId, by, at });
export const concluded = (proposalId: string, at = AT): GameEvent => ({ type: 'AgreementConcluded', tableId: 't1', proposalId, at });
