/**
 * Rejections are codes a user sees, each with a human message. The code is stable (clients
 * and bots switch on it); the message says what to do next.
 */
export const REJECTION_CODES = [
  'SESSION_NOT_CREATED',
  'SESSION_EXISTS',
  'NOT_ALLOWED',
  'WRONG_ROLE',
  'WRONG_PHASE',
  'DEADLINE_PASSED',
  'PAUSED',
  'SESSION_ENDED',
  'ROOM_LOCKED',
  'ROOM_FULL',
  'NAME_INVALID',
  'NAME_TAKEN',
  'NAME_RESERVED',
  'UNKNOWN_SEAT',
  'UNKNOWN_TABLE',
  'UNKNOWN_ROLE',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_MESSAGE',
  'UNKNOWN_TIP',
  'UNKNOWN_PROPOSAL',
  'UNKNOWN_INJECT',
  'NOT_A_MEMBER',
  'CHANNEL_CLOSED',
  'MESSAGE_EMPTY',
  'MESSAGE_TOO_LONG',
  'PRECONDITION_UNMET',
  'PRECONDITION_ALREADY_MET',
  'INVALID_INVITEE',
  'NO_INVITATION',
  'INVALID_TERMS',
  'SECRET_TERM_IN_PUBLIC',
  'EXPLORATORY_CANNOT_BE_SIGNED',
  'ALREADY_DONE',
  'AGREEMENT_EXISTS',
  'NO_AGREEMENT',
  'AGREEMENT_PUBLIC',
  'NOT_A_SIGNATORY',
  'NOTHING_TO_MOBILISE',
  'CANNOT_DEAL',
  'ROLE_FULL',
  'TABLES_NOT_READY',
  'NOT_PAUSED',
  'LIMIT_REACHED',
  'INVALID_INPUT',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  ok: false;
  code: RejectionCode;
  message: string;
}

export function reject(code: RejectionCode, message: string): Rejection {
  return { ok: false, code, message };
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
