import { encodeUtf8 } from '@wspeer/core';
import {
  CMD_MASK,
  md5Hex,
  readCompressedArgs,
  readCString,
  readRpcHeader,
  SceneCommand,
  SysCommand,
} from '@wspeer/scene';
import { ByteReader, godot4Codec } from '@wspeer/variant';
import { formatVariant } from './format-variant.js';
import { hexPreview } from './preview.js';
import type { RoomDecoder } from './room-decoder.js';

/** Paths one sender may teach us; past it, new paths are not remembered (the table stays bounded). */
const MAX_PATHS_PER_PEER = 4096;
const NAMES = ['REMOTE_CALL', 'SIMPLIFY_PATH', 'CONFIRM_PATH', 'RAW', 'SPAWN', 'DESPAWN', 'SYNC', 'SYS'];

/** A path a sender announced: the path and its RPC checksum. */
interface Announced {
  path: string;
  md5: string;
}

/** Method names of a node path, sorted as Godot numbers them, and their checksum. */
interface Known {
  sorted: string[];
  md5: string;
}

/**
 * Decodes Godot 4 SceneMultiplayer packets for a person: RPCs with node path, method and arguments
 * (compressed Variants), path announcements and confirmations, raw bytes, replication commands,
 * and the SYS layer (authentication, peer announcements, relays with their source or target).
 * Godot 4 sends method ids, not names: with `names` (node path -> its `@rpc` method names) calls
 * are shown by name when the sender's checksum matches, else by id.
 */
export function godot4RoomDecoder(names: ReadonlyMap<string, readonly string[]> = new Map()): RoomDecoder {
  const known = new Map<string, Known>();
  for (const [path, list] of names) {
    const sorted = [...list].sort();
    known.set(path, { sorted, md5: md5Hex(encodeUtf8(sorted.join(''))) });
  }
  const caches = new Map<number, Map<number, Announced>>();
  const malformed = (packet: Uint8Array, why: string): string[] => [
    `malformed packet (${why}, ${packet.byteLength} B): ${hexPreview(packet)}`,
  ];

  function decode(from: number, packet: Uint8Array): string[] {
    if (packet.byteLength < 1) return malformed(packet, 'empty');
    const command = (packet[0] as number) & CMD_MASK;
    switch (command) {
      case SceneCommand.SYS:
        return sys(from, packet);
      case SceneCommand.SIMPLIFY_PATH:
        return simplify(from, packet);
      case SceneCommand.CONFIRM_PATH:
        if (packet.byteLength !== 6) return malformed(packet, 'CONFIRM_PATH');
        return [`confirms path #${readU32(packet, 2)} (checksum ${packet[1] === 1 ? 'ok' : 'MISMATCH'})`];
      case SceneCommand.REMOTE_CALL:
        return call(from, packet);
      case SceneCommand.RAW:
        return [`raw ${packet.byteLength - 1} B: ${hexPreview(packet.subarray(1))}`];
      default:
        return [`${(NAMES[command] as string).toLowerCase()} ${packet.byteLength} B: ${hexPreview(packet)}`];
    }
  }

  function sys(from: number, packet: Uint8Array): string[] {
    if (packet.byteLength < 2) return malformed(packet, 'SYS');
    if (packet[1] === SysCommand.AUTH) {
      return [
        packet.byteLength === 2
          ? 'auth: completed'
          : `auth data ${packet.byteLength - 2} B: ${text(packet.subarray(2))}`,
      ];
    }
    if (packet.byteLength < 6) return malformed(packet, 'SYS');
    const peer = readU32(packet, 2) | 0;
    switch (packet[1]) {
      case SysCommand.ADD_PEER:
        return [`announces peer ${peer} joined`];
      case SysCommand.DEL_PEER:
        return [`announces peer ${peer} left`];
      case SysCommand.RELAY: {
        const inner = packet.subarray(6);
        // A server relays with the source; a client sends with the target.
        if (from === 1) return decode(peer, inner).map((line) => `(relayed from peer ${peer}) ${line}`);
        return decode(from, inner).map(
          (line) => `(to ${peer === 0 ? 'everyone' : peer < 0 ? `all but ${-peer}` : `peer ${peer}`}) ${line}`,
        );
      }
    }
    return malformed(packet, `unknown SYS command ${packet[1]}`);
  }

  function simplify(from: number, packet: Uint8Array): string[] {
    if (packet.byteLength < 38) return malformed(packet, 'SIMPLIFY_PATH');
    const md5 = String.fromCharCode(...packet.subarray(1, 33));
    const id = readU32(packet, 34);
    const path = readCString(packet, 38);
    if (path === null) return malformed(packet, 'SIMPLIFY_PATH path');
    let cache = caches.get(from);
    if (cache === undefined) {
      cache = new Map();
      caches.set(from, cache);
    }
    if (cache.size < MAX_PATHS_PER_PEER || cache.has(id)) cache.set(id, { path, md5 });
    const names = known.get(path);
    const about =
      names === undefined
        ? ''
        : names.md5 === md5
          ? ` (methods: ${names.sorted.join(', ')})`
          : ' (checksum differs from --names)';
    return [`path #${id} = ${path}${about}`];
  }

  function call(from: number, packet: Uint8Array): string[] {
    const header = readRpcHeader(packet);
    if (typeof header === 'string') return malformed(packet, header);
    let announced: Announced | undefined;
    if (header.nodeTarget & 0x80000000) {
      const path = readCString(packet, header.argsEnd);
      if (path === null) return malformed(packet, 'inline path');
      announced = { path, md5: known.get(path)?.md5 ?? '' };
    } else {
      announced = caches.get(from)?.get(header.nodeTarget);
    }
    const path = announced?.path ?? `<path #${header.nodeTarget} not announced>`;
    const names = announced === undefined ? undefined : known.get(announced.path);
    const method =
      names !== undefined && names.md5 === announced?.md5 && names.sorted[header.methodId] !== undefined
        ? (names.sorted[header.methodId] as string)
        : `#${header.methodId}`;
    let at = header.argsAt;
    let argc = header.byteOnly ? (at < header.argsEnd ? 1 : 0) : (packet[at++] ?? 0);
    if (!header.byteOnly && at > header.argsEnd) argc = 0;
    const args = readCompressedArgs(new ByteReader(packet, at, header.argsEnd), argc, header.byteOnly, 16, godot4Codec);
    if (args === undefined) return malformed(packet, `rpc ${path}.${method}: undecodable arguments`);
    return [`rpc ${path}.${method}(${args.map((a) => formatVariant(a)).join(', ')})`];
  }

  return {
    decode,
    forget(id) {
      caches.delete(id);
    },
  };
}

function readU32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) +
    (bytes[at + 3] as number) * 2 ** 24
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as quoted text when they are UTF-8, else as hex. */
function text(bytes: Uint8Array): string {
  try {
    return JSON.stringify(utf8.decode(bytes));
  } catch {
    return hexPreview(bytes);
  }
}
