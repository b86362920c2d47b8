/**
 * The Backchannel wire protocol, in one module: what clients send, what the server sends back,
 * the ack result and the protocol version. Documented for people writing their own clients or
 * bots in docs/protocol.md. Safe to import from the browser (zod and types only).
 */
import { z } from 'zod';
import type { RejectionCode, SeatView, ProjectorView, FacilitatorView } from '../engine';

export const PROTOCOL_VERSION = 1;

/** Limits at the edge; the engine enforces its own too. */
export const MAX_MESSAGE_CHARS = 2000;
export const MAX_PAYLOAD_BYTES = 16 * 1024;

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const term = z.strictObject({ issueId: id, optionId: id, secret: z.boolean() });

/** Every command a player may send. Identity is never part of a payload: it comes from the handshake. */
export const playerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Leave') }),
  z.strictObject({ type: z.literal('PostMessage'), channelId: id, text: text(MAX_MESSAGE_CHARS) }),
  z.strictObject({ type: z.literal('OpenBackChannel'), inviteeIds: z.array(id).min(1).max(7), topic: text(120) }),
  z.strictObject({ type: z.literal('InviteToBackChannel'), channelId: id, seatId: id }),
  z.strictObject({ type: z.literal('AnswerInvitation'), channelId: id, accept: z.boolean() }),
  z.strictObject({ type: z.literal('LeaveBackChannel'), channelId: id }),
  z.strictObject({ type: z.literal('Investigate'), seatId: id }),
  z.strictObject({ type: z.literal('Surveil'), seatId: id }),
  z.strictObject({ type: z.literal('PublishStory'), headline: text(140), body: text(MAX_MESSAGE_CHARS), tipId: id.optional() }),
  z.strictObject({ type: z.literal('Mobilise') }),
  z.strictObject({ type: z.literal('FulfilPrecondition') }),
  z.strictObject({ type: z.literal('Propose'), channelId: id, terms: z.array(term).min(1).max(20), mode: z.enum(['exploratory', 'official']), counterTo: id.optional() }),
  z.strictObject({ type: z.literal('AcceptProposal'), proposalId: id }),
  z.strictObject({ type: z.literal('SignProposal'), proposalId: id }),
  z.strictObject({ type: z.literal('AnnounceAgreement') }),
  z.strictObject({ type: z.literal('RenegeAgreement') }),
]);
export type PlayerCommand = z.infer<typeof playerCommandSchema>;

/** What a client puts in the Socket.IO handshake `auth`. */
export const handshakeSchema = z.discriminatedUnion('kind', [
  /** A newcomer: joins the room under this display name and receives a seat token in `welcome`. */
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), kind: z.literal('join'), room: z.string().max(16), name: z.string().max(200) }),
  /** A returning player: the seat token from `welcome`. */
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), kind: z.literal('player'), room: z.string().max(16), token: z.string().min(20).max(200) }),
  /** The room's public screen. */
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), kind: z.literal('projector'), room: z.string().max(16) }),
  /** A facilitator's dashboard; the login cookie proves who it is. */
  z.strictObject({ v: z.literal(PROTOCOL_VERSION), kind: z.literal('facilitator'), sessionId: id }),
]);
export type Handshake = z.infer<typeof handshakeSchema>;

export const EDGE_ERROR_CODES = ['INVALID_PAYLOAD', 'RATE_LIMITED', 'UNKNOWN_EVENT', 'UNKNOWN_ROOM', 'BAD_TOKEN', 'NOT_SIGNED_IN', 'PROTOCOL_MISMATCH', 'INTERNAL'] as const;
export type EdgeErrorCode = (typeof EDGE_ERROR_CODES)[number];
export type ErrorCode = RejectionCode | EdgeErrorCode;

/** Every ack is a Result: the data, or a code a program can switch on and a message a person can read. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export type AnyView = SeatView | ProjectorView | FacilitatorView;

/** A change to a view: keys replaced whole, and items appended to append-only lists. */
export interface ViewPatch {
  seq: number;
  base: number;
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
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
  /** The seat was removed by the facilitator; the server disconnects after sending it. */
  removed: (notice: { message: string }) => void;
}

export interface ClientToServerEvents {
  command: (command: PlayerCommand, ack: (result: Result<{ seq: number }>) => void) => void;
  /** Ask again for the whole view, e.g. after a patch whose `base` is not the last seq seen. */
  resync: (ack: (result: Result<{ seq: number }>) => void) => void;
  /** Measures clock skew: the server answers with its time. */
  ping: (ack: (result: Result<{ serverNow: number }>) => void) => void;
}

export { APPEND_ONLY_KEYS } from './patch';
