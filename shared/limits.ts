/**
 * Limits that the engine enforces whatever the adapter in front of it does. This is the only copy:
 * the zod schemas at the edge (server/realtime/protocol.ts, server/api) import it, and browsers and
 * bots read it from their view (`limits` in SeatView and FacilitatorView), so a limit changed here
 * changes everywhere at once. No imports: safe for any module to load.
 */
const BACK_CHANNEL_MEMBERS = 8;

export const LIMITS = {
  /** Display names, in characters (invisible characters do not count). */
  nameLength: 40,
  /** A chat message, a Control post, a broadcast, an inject's body, a rumour. */
  messageLength: 2000,
  /** A back channel's topic. */
  topicLength: 120,
  headlineLength: 140,
  storyLength: 2000,
  injectTitleLength: 140,
  /** People in a back channel, members and pending invitations together. */
  backChannelMembers: BACK_CHANNEL_MEMBERS,
  /** People invited when opening a back channel: everyone but the opener. */
  maxInvitees: BACK_CHANNEL_MEMBERS - 1,
  /** Terms in one proposal at the edge (the engine also allows one per issue, and scenarios have at most 12). */
  proposalTerms: 20,
  extendMaxSeconds: 3600,
} as const;

export type Limits = typeof LIMITS;
