// The baseline: a bare Socket.IO 4.8 server on a loopback port, doing what the game's front channel
// does with nothing else: each client joins its room (named in the handshake), and every message a
// client sends is broadcast to its room (the sender included, as a seat sees its own message) and
// acknowledged. Same stats and stop requests as the game server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serve, statsHandlers } from './ipc';

const http = createServer();
const io = new Server(http, { serveClient: false });

io.on('connection', (socket) => {
  const room = String((socket.handshake.auth as { room?: unknown }).room ?? '');
  void socket.join(room);
  socket.on('msg', (message: unknown, ack?: (ok: boolean) => void) => {
    io.to(room).emit('msg', message);
    if (typeof ack === 'function') ack(true);
  });
});

serve({
  ...statsHandlers(),
  stop: async () => {
    await io.close();
    setImmediate(() => process.exit(0));
  },
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
