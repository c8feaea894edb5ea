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
 * announces its own clients, and packets reach clients of the other processes.
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
  const announce = (except: number, text: string): void => {
    server.setTargetPeer(-except);
    server.putPacket(encodeChat(text, false));
  };
  // In a cluster every process hears of every client; only the client's own process announces it.
  const ours = new Set<number>();
  server.on('peer_connected', (id) => {
    if (!server.hasPeer(id)) return;
    ours.add(id);
    log(`[chat/mp] ${id}: client connected`);
    announce(id, `[${id}] connected`);
  });
  server.on('peer_disconnected', (id) => {
    if (!ours.delete(id)) return;
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
