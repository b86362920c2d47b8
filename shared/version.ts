/**
 * The protocol version, alone in a module with no imports, so that the browser, the bots and the
 * server read one constant and nothing else comes with it into the page bundle.
 *
 * A client sends the version it speaks in the handshake (`auth.v`). The server serves every version
 * from MIN_CLIENT_PROTOCOL_VERSION to PROTOCOL_VERSION, and tells the other ones apart: an older
 * client must reload (CLIENT_TOO_OLD), a newer one meets a server that must be updated
 * (SERVER_TOO_OLD). Raise PROTOCOL_VERSION for a change an older client cannot follow; raise the
 * minimum only when the server stops understanding old clients.
 */
export const PROTOCOL_VERSION = 2;
export const MIN_CLIENT_PROTOCOL_VERSION = 1;
