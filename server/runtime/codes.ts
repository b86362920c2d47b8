import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Room codes avoid look-alikes (0/O, 1/I/L) so a class can read them off a projector. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;
export const ROOM_CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

/** What a person types, made comparable: upper case, no spaces or dashes. */
export function normaliseRoomCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** 256 random bits: seat tokens and login tokens. Only their hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
