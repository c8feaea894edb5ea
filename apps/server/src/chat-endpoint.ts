import type { Server } from 'node:http';
import { boundedText, WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { decodeChat, encodeChat } from './chat-text.js';
import { CHAT_PROTOCOLS } from './chat-text-protocols.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
import { sendOrCut } from './send-or-cut.js';

/**
 * `/chat`: the chat server of Godot's websocket_chat demo in raw mode. Announces joins and leaves
 * ("[id] connected" / "[id] disconnected") and relays every message to everyone but the sender as
 * "[id] Says: ..." in the frame type it came in (text frames: UTF-8; binary frames: a Godot Variant
 * String). Anything else is dropped with a log line. Log lines quote at most 64 characters of a
 * message; a client that does not read is cut (1008) rather than skipped.
 */
export function chatEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): WebSocketServer {
  const server = new WebSocketServer({
    autoPoll: true,
    inboundBufferSize: 16 * 1024,
    heartbeatInterval: settings.heartbeatInterval,
  });
  const say = (from: number, text: string, asText: boolean): void => {
    const packet = encodeChat(text, asText);
    const mode = asText ? WriteMode.TEXT : WriteMode.BINARY;
    for (const id of server.getPeerIds()) if (id !== from) sendOrCut(server, id, packet, mode, log, '[chat]');
  };
  server.on('client_connected', (id, protocol) => {
    log(`[chat] ${id}: client connected with protocol ${protocol}`);
    say(id, `[${id}] connected`, true);
  });
  server.on('client_close_request', (id, code, reason) =>
    log(`[chat] client ${id} close code: ${code}, reason: ${boundedText(reason)}`),
  );
  server.on('client_disconnected', (id, clean) => {
    log(`[chat] client ${id} disconnected. Was clean: ${clean}`);
    say(id, `[${id}] disconnected`, true);
  });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    const text = decodeChat(packet, peer.wasStringPacket());
    if (text === null) {
      log(`[chat] dropped a message from ${id}: not chat text`);
      return;
    }
    log(`[chat] data from ${id} ${peer.wasStringPacket() ? 'TEXT' : 'BINARY'}: ${boundedText(text)}`);
    say(id, `[${id}] Says: ${text}`, peer.wasStringPacket());
  });
  server.attach(http, { path: '/chat', protocols: CHAT_PROTOCOLS });
  return server;
}
