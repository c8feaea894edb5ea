import type { Server } from 'node:http';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { decodeChat, encodeChat } from './chat-text.js';
import { CHAT_PROTOCOLS } from './chat-text-protocols.js';

/**
 * `/chat`: the chat server of Godot's websocket_chat demo in raw mode. Announces joins and leaves
 * ("[id] connected" / "[id] disconnected") and relays every message to everyone but the sender as
 * "[id] Says: ..." in the frame type it came in (text frames: UTF-8; binary frames: a Godot Variant
 * String). Anything else is dropped with a log line.
 */
export function chatEndpoint(http: Server, log: (line: string) => void): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true, inboundBufferSize: 16 * 1024 });
  const say = (from: number, text: string, asText: boolean): void => {
    const packet = encodeChat(text, asText);
    for (const id of server.getPeerIds())
      if (id !== from) server.getPeer(id)?.send(packet, asText ? WriteMode.TEXT : WriteMode.BINARY);
  };
  server.on('client_connected', (id, protocol) => {
    log(`[chat] ${id}: client connected with protocol ${protocol}`);
    say(id, `[${id}] connected`, true);
  });
  server.on('client_close_request', (id, code, reason) =>
    log(`[chat] client ${id} close code: ${code}, reason: ${reason}`),
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
    log(`[chat] data from ${id} ${peer.wasStringPacket() ? 'TEXT' : 'BINARY'}: ${text}`);
    say(id, `[${id}] Says: ${text}`, peer.wasStringPacket());
  });
  server.attach(http, { path: '/chat', protocols: CHAT_PROTOCOLS });
  return server;
}
