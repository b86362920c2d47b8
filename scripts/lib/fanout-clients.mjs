// Socket.IO clients for scripts/bench-fanout.ts, in a worker thread: their heap and CPU stay out of
// the server's isolate, so the benchmark measures the server alone. Each joins the room as a player,
// counts the patches it receives and keeps nothing else.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const { url, room, version } = workerData;
const sockets = [];
let patches = 0;
const reasons = {};

function open(kind, extra, cookie) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { v: version, kind, ...extra }, transports: ['websocket'], reconnection: false, forceNew: true, ...(cookie ? { extraHeaders: { cookie } } : {}) });
    socket.on('patch', () => patches++);
    socket.on('disconnect', (reason) => (reasons[reason] = (reasons[reason] ?? 0) + 1));
    socket.once('snapshot', () => resolve(socket));
    socket.once('connect_error', reject);
    sockets.push(socket);
  });
}

parentPort.on('message', async (msg) => {
  if (msg.type === 'join') {
    for (let i = 0; i < msg.count; i++) await open('join', { room, name: `Bench ${msg.from + i}` });
    parentPort.postMessage({ type: 'joined' });
  } else if (msg.type === 'projector') {
    await open('projector', { room });
    parentPort.postMessage({ type: 'joined' });
  } else if (msg.type === 'facilitator') {
    await open('facilitator', { sessionId: msg.sessionId }, msg.cookie);
    parentPort.postMessage({ type: 'joined' });
  } else if (msg.type === 'count') {
    parentPort.postMessage({ type: 'count', patches, open: sockets.filter((s) => s.connected).length, reasons });
  } else if (msg.type === 'close') {
    for (const s of sockets) s.close();
    parentPort.postMessage({ type: 'closed' });
  }
});
