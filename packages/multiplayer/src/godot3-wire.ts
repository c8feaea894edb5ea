import { msg } from '@wspeer/core';
import { TARGET_PEER_SERVER } from './constants.js';
import { frame, HEADER_SIZE, readHeader, readSysId, SysType, sysMessage } from './godot3-frame.js';
import { readInt32 } from './read-int32.js';
import type { ClientWire, ServerWire } from './wire.js';

/**
 * Godot 3.2's WebSocket multiplayer format (`websocket_multiplayer_peer.cpp`): every message has the
 * 9-byte header (type, from, to); the server assigns ids, announces peers with SYS_ID/ADD/DEL and
 * relays client to client, stamping and checking the true sender.
 */
export const godot3ServerWire: ServerWire = {
  frame: (to, packet) => frame(SysType.NONE, TARGET_PEER_SERVER, to, packet),

  welcome(room, id) {
    room.sendTo(id, sysMessage(SysType.ID, id));
    room.sendTo(id, sysMessage(SysType.ADD, TARGET_PEER_SERVER));
    room.announce(sysMessage(SysType.ADD, id), id);
    for (const other of room.sortedIds()) if (other !== id) room.sendTo(id, sysMessage(SysType.ADD, other));
  },

  joined(room, id) {
    room.announce(sysMessage(SysType.ADD, id), id);
  },

  /** Godot 3.2's server relay rules, checked in Godot's order. */
  receive(room, sender, message) {
    const header = readHeader(message);
    if (header === null)
      return room.refuse(sender, 'short-message', msg`short message (${message.byteLength} bytes < ${HEADER_SIZE})`);
    if (header.type !== SysType.NONE)
      return room.refuse(sender, 'system-message', msg`system message (type ${header.type}) from a client`);
    if (header.from !== sender) return room.refuse(sender, 'spoofed-sender', msg`spoofed sender ${header.from}`);
    const to = header.to;
    if (to === TARGET_PEER_SERVER) return room.store(message.subarray(HEADER_SIZE), sender);
    if (to <= 0) {
      if (to !== -TARGET_PEER_SERVER) room.store(message.subarray(HEADER_SIZE), sender);
      return room.broadcast(message, sender, -to);
    }
    if (to === sender) return room.refuse(sender, 'relay-to-self', msg`relay to itself`);
    if (!room.has(to)) return room.refuse(sender, 'unknown-target', msg`unknown target peer ${to}`);
    room.sendTo(to, message);
  },

  farewell(room, id) {
    room.announce(sysMessage(SysType.DEL, id), 0);
  },
};

/** The client half of Godot 3.2's format: framed packets, and the server's SYS messages. */
export const godot3ClientWire: ClientWire = {
  frame: (from, to, packet) => frame(SysType.NONE, from, to, packet),

  receive(client, message) {
    if (message.byteLength < HEADER_SIZE) return;
    const type = message[0];
    if (type === SysType.NONE) return client.store(message.subarray(HEADER_SIZE), readInt32(message, 1));
    const id = readSysId(message);
    if (id === null) return;
    if (type === SysType.ID) client.setUniqueId(id);
    else if (type === SysType.ADD) client.addPeer(id);
    else if (type === SysType.DEL) client.removePeer(id);
  },
};
