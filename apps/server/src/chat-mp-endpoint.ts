import type { Server } from 'node:http';
import { boundedText } from 'wspeer';
import type { RoomFactory } from 'wspeer/cluster';
import { WebSocketServer } from 'wspeer/server';
import { decodeChat, encodeChat } from './chat-text.js';
import { CHAT_PROTOCOLS } from './chat-text-protocols.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';

/**
 * `/chat/mp`: the chat server of Godot's websocket_chat demo in multiplayer mode
 * (`listen(port, protocols, true)`): clients pick a destination (broadcast, one peer, all but one)
 * and the server relays with the true sender; it announces joins and leaves as Variant Strings.
 * With `room` (a cluster's), the room spans every demo process on the same Redis: each process
 * announces every join and leave to its own clients, and packets reach clients of the other processes.
 */
export function chatMultiplayerEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
  room?: RoomFactory,
): WebSocketServer {
  const server = new WebSocketServer({
    ...(room === undefined ? {} : { room }),
    autoPoll: true,
    inboundBufferSize: 16 * 1024,
    heartbeatInterval: settings.heartbeatInterval,
    log: (line) => log(`[chat/mp] ${line}`),
  });
  // Joins and leaves go to this process's own clients, one packet each: in a cluster every process hears of
  // every client (its own and the other processes'), so each tells its own clients, and none depends on
  // knowing the others' clients yet.
  const ours = new Set<number>();
  const announce = (about: number, text: string): void => {
    const packet = encodeChat(text, false);
    for (const id of ours) {
      if (id === about) continue;
      server.setTargetPeer(id);
      server.putPacket(packet);
    }
  };
  server.on('peer_connected', (id) => {
    if (server.hasPeer(id)) ours.add(id);
    log(`[chat/mp] ${id}: client connected`);
    announce(id, `[${id}] connected`);
  });
  server.on('peer_disconnected', (id) => {
    ours.delete(id);
    log(`[chat/mp] client ${id} disconnected`);
    announce(id, `[${id}] disconnected`);
  });
  server.on('peer_packet', () => {
    const from = server.getPacketPeer();
    const text = decodeChat(server.getPacket(), false);
    log(`[chat/mp] MPAPI: from ${from} data: ${text === null ? '(not chat text)' : boundedText(text)}`);
  });
  server.attach(http, { path: '/chat/mp', protocols: CHAT_PROTOCOLS, gdMpApi: true });
  return server;
}
