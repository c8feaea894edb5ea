import { type WebSocket, WebSocketServer } from 'ws';
import { GODOT3_HEADER_SIZE, Godot3Type, godot3Message } from '../client/godot3-message.js';
import type { BenchServer } from './bench-server.js';

function systemMessage(type: number, id: number): Buffer {
  const body = Buffer.allocUnsafe(4);
  body.writeInt32LE(id, 0);
  return godot3Message(type, 1, 0, body);
}

/**
 * The relay baseline: a hand-written `ws` server speaking Godot 3.2's multiplayer wire. It gives
 * each client an id (ID, ADD announcements), and relays client to client after checking that the
 * header's sender is the connection it came from (the same rule and stamping as wspeer's
 * server): one `send` per relayed message, no queueing.
 */
export function startWsRelayServer(): Promise<BenchServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, clientTracking: false });
  const peers = new Map<number, WebSocket>();
  let nextId = 2;
  let errors = 0;
  wss.on('connection', (ws: WebSocket) => {
    const id = nextId++;
    ws.on('error', () => {});
    ws.send(systemMessage(Godot3Type.ID, id));
    ws.send(systemMessage(Godot3Type.ADD, 1));
    const added = systemMessage(Godot3Type.ADD, id);
    for (const [other, socket] of peers) {
      socket.send(added);
      ws.send(systemMessage(Godot3Type.ADD, other));
    }
    peers.set(id, ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length < GODOT3_HEADER_SIZE || data[0] !== Godot3Type.DATA) return void errors++;
      if (data.readInt32LE(1) !== id) return void errors++;
      const to = data.readInt32LE(5);
      if (to === 1) return;
      if (to > 1) {
        const target = peers.get(to);
        if (target === undefined || to === id) errors++;
        else target.send(data);
        return;
      }
      for (const [other, socket] of peers) if (other !== id && other !== -to) socket.send(data);
    });
    ws.on('close', () => {
      peers.delete(id);
      const removed = systemMessage(Godot3Type.DEL, id);
      for (const socket of peers.values()) socket.send(removed);
    });
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const address = wss.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : 0,
        connections: () => peers.size,
        setActive: () => {},
        errors: () => errors,
      });
    });
  });
}
