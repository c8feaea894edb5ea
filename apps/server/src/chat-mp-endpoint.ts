import type { Server } from 'node:http';
import { boundedText } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { decodeChat, encodeChat } from './chat-text.js';
import { CHAT_PROTOCOLS } from './chat-text-protocols.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';

/**
 * `/chat/mp`: the chat server of Godot's websocket_chat demo in multiplayer mode
 * (`listen(port, protocols, true)`): clients pick a destination (broadcast, one peer, all but one)
 * and the server relays with the true sender; it announces joins and leaves as Variant Strings.
 */
export function chatMultiplayerEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): WebSocketServer {
  const server = new WebSocketServer({
    autoPoll: true,
    inboundBufferSize: 16 * 1024,
    heartbeatInterval: settings.heartbeatInterval,
    log: (line) => log(`[chat/mp] ${line}`),
  });
  const announce = (except: number, text: string): void => {
    server.setTargetPeer(-except);
    server.putPacket(encodeChat(text, false));
  };
  server.on('peer_connected', (id) => {
    log(`[chat/mp] ${id}: client connected`);
    announce(id, `[${id}] connected`);
  });
  server.on('peer_disconnected', (id) => {
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
