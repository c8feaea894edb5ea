import { networkInterfaces } from 'node:os';
import { debugLogger, type WebSocketError } from '@wspeer/core';
import { WebSocketServer } from '@wspeer/multiplayer';
import { SceneMultiplayer, sceneServer } from '@wspeer/scene';
import { createNodeListener } from '@wspeer/transport-node';
import type { ServeCommand } from './cli-args.js';
import type { CliIo, Running } from './cli-io.js';
import { createRoomDecoder } from './create-room-decoder.js';
import { messagePreview } from './preview.js';
import type { RoomDecoder } from './room-decoder.js';
import { loadRpcNames } from './rpc-names.js';
import { tapPackets } from './tap-packets.js';

/** Settings of `wspeer serve`: the parsed command without its name (mirror defaults to `lws-mirror-protocol`). */
export type ServeOptions = Omit<ServeCommand, 'command'>;

/**
 * `wspeer serve`: an echo or mirror server, or a Godot 3 multiplayer room that prints its peers
 * and the RPCs and rsets sent to the server. Prints one line when it cannot listen (port taken...).
 */
export function serve(options: ServeOptions, io: CliIo): Running {
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  let decoder: RoomDecoder | null = null;
  try {
    const names = options.names === undefined ? undefined : loadRpcNames(options.names);
    if (options.kind === 'godot3' || options.kind === 'godot4') decoder = createRoomDecoder(options.kind, names);
  } catch (error) {
    io.err(`wspeer: ${(error as Error).message}`);
    finish(2);
    return { done, stop() {} };
  }
  const protocols =
    options.protocols.length === 0 && options.kind === 'mirror' ? ['lws-mirror-protocol'] : options.protocols;
  const server = new WebSocketServer({
    listen: createNodeListener,
    autoPoll: true,
    bindIp: options.host,
    log: (line) => io.out(line),
    wire: options.kind === 'godot4' ? 'godot4' : 'godot3',
    ...(options.debug ? { debug: debugLogger((line) => io.err(line)) } : {}),
  });
  server.on('client_connected', (id, protocol) =>
    io.out(`client ${id} connected from ${server.getPeerAddress(id)} (protocol "${protocol}")`),
  );
  server.on('client_disconnected', (id, clean) =>
    io.out(`client ${id} disconnected (${clean ? 'clean' : 'not clean'})`),
  );
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const message = peer.getMessage();
    if (message === null) return;
    io.out(`client ${id}: ${messagePreview(message)}`);
    const targets = options.kind === 'echo' ? [peer] : server.getPeerIds().map((other) => server.getPeer(other));
    for (const target of targets) {
      if (typeof message === 'string') target?.sendText(message);
      else target?.send(message);
    }
  });
  if (decoder !== null && options.kind === 'godot4') {
    // Godot 4: SceneMultiplayer admits peers, announces them and relays; the tap prints what arrives.
    const room = decoder;
    const scene = new SceneMultiplayer(
      tapPackets(server, (from, packet) => {
        for (const line of room.decode(from, packet)) io.out(`[peer ${from}] ${line}`);
      }),
      { autoPoll: true, log: null, server: sceneServer },
    );
    scene.on('peer_connected', (id) => io.out(`peer ${id} joined`));
    scene.on('peer_disconnected', (id) => {
      room.forget(id);
      io.out(`peer ${id} left`);
    });
  } else if (decoder !== null) {
    server.on('peer_connected', (id) => io.out(`peer ${id} joined`));
    server.on('peer_disconnected', (id) => {
      decoder.forget(id);
      io.out(`peer ${id} left`);
    });
    server.on('peer_packet', () => {
      while (server.getAvailablePacketCount() > 0) {
        const from = server.getPacketPeer();
        for (const line of decoder.decode(from, server.getPacket())) io.out(`[peer ${from}] ${line}`);
      }
    });
    server.on('packet_dropped', (from, reason) => io.out(`refused from peer ${from}: ${reason}`));
  }
  const err = server.listen(options.port, protocols, decoder !== null);
  if (err !== 0) {
    io.err(`wspeer: ${server.lastErrorMessage}`);
    finish(2);
    return { done, stop() {} };
  }
  server
    .listening()
    .then((port) => {
      const what =
        decoder === null
          ? `${options.kind} server`
          : options.kind === 'godot4'
            ? 'Godot 4 room (wire godot4, SceneMultiplayer relay)'
            : 'Godot 3 room (wire godot3)';
      const accepts = protocols.length === 0 ? 'no subprotocol' : `subprotocols ${protocols.join(', ')}`;
      io.err(`wspeer ${what} listening on ${urls(options.host, port).join(' and ')} (${accepts}; Ctrl-C stops)`);
    })
    .catch((error: WebSocketError) => {
      io.err(`wspeer: ${error.message.replace(/^[A-Z_]+: /, '')}`);
      finish(1);
    });
  return {
    done,
    stop() {
      server.stop();
      finish(0);
    },
  };
}

/** The URLs a client uses to reach `host:port` (every IPv4 address of this machine for 0.0.0.0). */
function urls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '*' && host !== '::') return [`ws://${host}:${port}/`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4')
    .map((a) => `ws://${a?.address}:${port}/`);
  return addresses.length > 0 ? addresses : [`ws://127.0.0.1:${port}/`];
}
