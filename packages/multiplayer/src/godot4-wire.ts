import { CloseCode } from '@wspeer/core';
import { TARGET_PEER_SERVER } from './constants.js';
import { idMessage, readIdMessage } from './godot4-id.js';
import type { ClientWire, ServerWire } from './wire.js';

/**
 * Godot 4's `WebSocketMultiplayerPeer` format (`modules/websocket/websocket_multiplayer_peer.cpp`):
 * the server's first message to a client is its 4-byte id; after that messages are bare packets
 * between a client and the server. Relay, peer announcements and authentication live one level up,
 * in SceneMultiplayer, as in Godot.
 */
export const godot4ServerWire: ServerWire = {
  frame: (_to, packet) => packet,

  welcome(room, id) {
    room.sendTo(id, idMessage(id));
  },

  receive(room, sender, message) {
    room.store(message, sender);
  },

  joined() {},

  farewell() {},
};

/** The client half of Godot 4's format: the id message, then bare packets from the server. */
export const godot4ClientWire: ClientWire = {
  frame: (_from, _to, packet) => packet,

  receive(client, message) {
    if (client.admitted) return client.store(message, TARGET_PEER_SERVER);
    const id = readIdMessage(message);
    if (id === null) return client.stop(CloseCode.PROTOCOL_ERROR, 'Invalid ID received from server');
    client.setUniqueId(id);
    client.addPeer(TARGET_PEER_SERVER);
  },
};
