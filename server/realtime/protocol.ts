/**
 * The Backchannel wire protocol, in one module: what clients send, what the server sends back,
 * the ack result and the protocol version. Documented for people writing their own clients or
 * bots in docs/protocol.md. Safe to import from the browser (zod and types only).
 */
import { z } from 'zod';
import type { RejectionCode, SeatView, ProjectorView, FacilitatorView, MessageView } from '../engine';
import type { SessionSummary } from '../api/cockpit';
import type { ProjectorDebrief } from '../api/projector-debrief';
import { LIMITS } from '../engine/limits';
import { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/version';

export { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION };

/**
 * Lengths at the edge are the engine's own (server/engine/limits.ts), so a payload the edge lets
 * through is never refused by the engine for a limit the edge did not know; the engine checks
 * again after trimming.
 */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const term = z.strictObject({ issueId: id, optionId: id, secret: z.boolean() });

/** Every command a player may send. Identity is never part of a payload: it comes from the handshake. */
export const playerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Leave') }),
  z.strictObject({ type: z.literal('PostMessage'), channelId: id, text: text(LIMITS.messageLength) }),
  z.strictObject({ type: z.literal('OpenBackChannel'), inviteeIds: z.array(id).min(1).max(LIMITS.maxInvitees), topic: text(LIMITS.topicLength) }),
  z.strictObject({ type: z.literal('InviteToBackChannel'), channelId: id, seatId: id }),
  z.strictObject({ type: z.literal('AnswerInvitation'), channelId: id, accept: z.boolean() }),
  z.strictObject({ type: z.literal('LeaveBackChannel'), channelId: id }),
  z.strictObject({ type: z.literal('Investigate'), seatId: id }),
  z.strictObject({ type: z.literal('Surveil'), seatId: id }),
  z.strictObject({ type: z.literal('PublishStory'), headline: text(LIMITS.headlineLength), body: text(LIMITS.storyLength), tipId: id.optional() }),
  z.strictObject({ type: z.literal('Mobilise') }),
  z.strictObject({ type: z.literal('FulfilPrecondition') }),
  z.strictObject({ type: z.literal('Propose'), channelId: id, terms: z.array(term).min(1).max(LIMITS.proposalTerms), mode: z.enum(['exploratory', 'official']), counterTo: id.optional() }),
  z.strictObject({ type: z.literal('AcceptProposal'), proposalId: id }),
  z.strictObject({ type: z.literal('SignProposal'), proposalId: id }),
  z.strictObject({ type: z.literal('AnnounceAgreement') }),
  z.strictObject({ type: z.literal('RenegeAgreement') }),
]);
export type PlayerCommand = z.infer<typeof playerCommandSchema>;

/**
 * A client's id for one command, beside `type` in the payload (optional). Sent again with the same
 * id (after a lost ack, a reconnect, even a server restart), the command is answered with its
 * first result and not done twice.
 */
export const commandIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, “-” or “_”');
export type CommandEnvelope = PlayerCommand & { commandId?: string };

/** What a command's ack carries: the view version that shows it, and whether it was a repeat. */
export interface CommandAck {
  seq: number;
  repeated?: true;
}

export function parseCommandEnvelope(payload: unknown): { ok: true; command: PlayerCommand; commandId?: string } | { ok: false; error: z.ZodError } {
  let rest = payload;
  let commandId: string | undefined;
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload) && 'commandId' in payload) {
    const { commandId: raw, ...others } = payload as Record<string, unknown>;
    const id = z.object({ commandId: commandIdSchema }).safeParse({ commandId: raw });
    if (!id.success) return { ok: false, error: id.error };
    commandId = id.data.commandId;
    rest = others;
  }
  const parsed = playerCommandSchema.safeParse(rest);
  if (!parsed.success) return { ok: false, error: parsed.error };
  return { ok: true, command: parsed.data, ...(commandId !== undefined ? { commandId } : {}) };
}

const version = z.number().int().min(MIN_CLIENT_PROTOCOL_VERSION).max(PROTOCOL_VERSION);

/** What a client puts in the Socket.IO handshake `auth`. */
export const handshakeSchema = z.discriminatedUnion('kind', [
  /** A newcomer: joins the room under this display name and receives a seat token in `welcome`. */
  z.strictObject({ v: version, kind: z.literal('join'), room: z.string().max(16), name: z.string().max(200) }),
  /** A returning player: the seat token from `welcome`. */
  z.strictObject({ v: version, kind: z.literal('player'), room: z.string().max(16), token: z.string().min(20).max(200) }),
  /** The room's public screen. */
  z.strictObject({ v: version, kind: z.literal('projector'), room: z.string().max(16) }),
  /** A facilitator's dashboard; the login cookie proves who it is. */
  z.strictObject({ v: version, kind: z.literal('facilitator'), sessionId: id }),
  /** A facilitator's session list: no view, only `sessions` and `session` events (the login cookie proves who it is). */
  z.strictObject({ v: version, kind: z.literal('sessions') }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

export const EDGE_ERROR_CODES = ['INVALID_PAYLOAD', 'RATE_LIMITED', 'UNKNOWN_EVENT', 'UNKNOWN_ROOM', 'BAD_TOKEN', 'NOT_SIGNED_IN', 'CLIENT_TOO_OLD', 'SERVER_TOO_OLD', 'INTERNAL', 'BUSY'] as const;
export type EdgeErrorCode = (typeof EDGE_ERROR_CODES)[number];
export type ErrorCode = RejectionCode | EdgeErrorCode;

/**
 * Every ack is a Result: the data, or a code a program can switch on and a message a person can
 * read. A RATE_LIMITED refusal also says how long to wait (`retryAfterMs`).
 */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; retryAfterMs?: number };

export type AnyView = SeatView | ProjectorView | FacilitatorView;

/** A change to a view: keys replaced whole, and items appended to append-only lists. */
export interface ViewPatch {
  seq: number;
  base: number;
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
  serverNow: number;
}

/**
 * One front-channel message, sent once to every socket of a table that shows that channel (protocol
 * 2). `n` is the message's index in its channel: it must equal the number of messages of that
 * channel the client's view holds, or the client has missed one and asks for a snapshot (`resync`).
 * It is appended to the view's `messages`, like a patch's `append.messages`, and does not change `seq`.
 */
export interface StreamFrame {
  channelId: string;
  n: number;
  message: MessageView;
  serverNow: number;
}

export interface Welcome {
  protocol: number;
  kind: Handshake['kind'];
  seatId: string | null;
  /** Only on a join: keep it (e.g. in localStorage) to come back to the same seat. */
  token: string | null;
  sessionId: string;
  serverNow: number;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  snapshot: (snapshot: { seq: number; view: AnyView; serverNow: number }) => void;
  patch: (patch: ViewPatch) => void;
  /** Protocol 2 and later: a front-channel message for every seat of the table (see StreamFrame). */
  stream: (frame: StreamFrame) => void;
  /** The seat was removed by the facilitator; the server disconnects after sending it. */
  removed: (notice: { message: string }) => void;
  /** To a `sessions` socket: the whole list, on connect and on `resync`. */
  sessions: (list: { rows: SessionSummary[] }) => void;
  /** To a `sessions` socket: one session's row, whenever its status, phase, players or connections change. */
  session: (row: SessionSummary) => void;
  /** To a facilitator socket: the seats with a socket open now and the dashboard's bots, on connect and whenever either changes. */
  presence: (presence: Presence) => void;
  /** To a projector socket: the debrief the facilitator put on the room screen (null: taken off), on connect and on change. */
  debrief: (payload: { debrief: ProjectorDebrief | null }) => void;
}

export interface Presence {
  connected: string[];
  bots: string[];
}

export interface ClientToServerEvents {
  command: (command: CommandEnvelope, ack: (result: Result<CommandAck>) => void) => void;
  /** Ask again for the whole view, e.g. after a patch whose `base` is not the last seq seen. */
  resync: (ack: (result: Result<{ seq: number }>) => void) => void;
  /** Measures clock skew: the server answers with its time. */
  ping: (ack: (result: Result<{ serverNow: number }>) => void) => void;
}

export { APPEND_ONLY_KEYS } from '../../shared/patch';
