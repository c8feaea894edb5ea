import { debugLogger } from '@wspeer/core';
import { WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import { authPacket } from '@wspeer/scene';
import { connectNode } from '@wspeer/transport-node';
import type { CliIo, Running } from './cli-io.js';
import { readLines } from './line-input.js';
import { type RoomDecoder, type RoomWire, roomDecoder } from './room-decoder.js';
import { loadRpcNames } from './rpc-names.js';

/** Settings of `wspeer connect --godot3 URL`. */
export interface ConnectRoomOptions {
  /** The room's URL. */
  url: string;
  /** The room's wire format. */
  wire: RoomWire;
  /** Subprotocols to request (Godot's demo game uses `ludus`). */
  protocols: string[];
  /** Print connection events and frames. */
  debug: boolean;
  /** Godot 4: a names file (node path -> `@rpc` method names or a .gd file). */
  names?: string;
  /** Godot 4: authentication data to send once connected, then complete. */
  auth?: string;
}

/**
 * `wspeer connect --godot3 URL`: joins a Godot multiplayer room as a client and prints what it
 * sees: our id, peers joining and leaving, and every packet that reaches us decoded (RPCs with
 * node path, method and arguments; rsets; path announcements; raw packets). The end of input (or
 * Ctrl-C) leaves the room.
 */
export function connectRoom(options: ConnectRoomOptions, io: CliIo): Running {
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let decoder: RoomDecoder;
  try {
    decoder = roomDecoder(options.wire, options.names === undefined ? undefined : loadRpcNames(options.names));
  } catch (error) {
    io.err(`wspeer: ${(error as Error).message}`);
    finish(2);
    return { done, stop() {} };
  }
  const peer = new WebSocketMultiplayerPeer({
    connect: connectNode,
    wire: options.wire,
    supportedProtocols: options.protocols,
    autoPoll: true,
    ...(options.debug ? { debug: debugLogger((line) => io.err(line)) } : {}),
  });
  const leave = (code: number): void => {
    lines.close();
    peer.stop(1000, 'Bye');
    finish(code);
  };
  const lines = readLines(
    io,
    () => {},
    () => leave(0),
  );
  peer.on('connection_succeeded', () => {
    io.err(`joined ${options.url} as peer ${peer.getUniqueId()}`);
    if (options.auth === undefined) return;
    // Godot 4's authentication: our data, then "completed" ([SYS][AUTH][data], [SYS][AUTH]).
    peer.setTargetPeer(1);
    peer.putPacket(authPacket(new TextEncoder().encode(options.auth)));
    peer.putPacket(authPacket(new Uint8Array(0)));
  });
  peer.on('peer_connected', (id) => lines.print(`peer ${id} joined`));
  peer.on('peer_disconnected', (id) => {
    decoder.forget(id);
    lines.print(`peer ${id} left`);
  });
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      for (const line of decoder.decode(from, peer.getPacket())) lines.print(`[peer ${from}] ${line}`);
    }
  });
  peer.on('connection_failed', () => {
    const reason = peer.getPeer(1)?.lastErrorMessage;
    io.err(`wspeer: could not join ${options.url}${reason ? `: ${reason}` : ''}`);
    lines.close();
    finish(1);
  });
  peer.on('server_disconnected', () => {
    io.err('wspeer: the server closed the room');
    lines.close();
    finish(1);
  });
  const err = peer.createClient(options.url);
  if (err !== 0) {
    io.err(`wspeer: cannot connect to ${options.url} (invalid URL?)`);
    lines.close();
    finish(2);
  }
  return { done, stop: () => leave(0) };
}
