import type { Welcome } from '../../server/realtime/protocol';

/**
 * The protocol version the browser clients speak (PROTOCOL_VERSION in server/realtime/protocol.ts).
 * A constant here, checked against the server's type, keeps zod out of the page bundle.
 */
export const PROTOCOL_VERSION = 1 satisfies Welcome['protocol'];
