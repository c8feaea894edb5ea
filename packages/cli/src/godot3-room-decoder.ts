import { decodeVariant, FULL_PATH_FLAG, NetworkCommand } from '@wspeer/rpc';
import { formatVariant } from './format-variant.js';
import { hexPreview } from './preview.js';
import type { RoomDecoder } from './room-decoder.js';

/** Paths one sender may teach us; past it, new paths are not remembered (a peer cannot grow the table without bound). */
const MAX_PATHS_PER_PEER = 4096;

/**
 * Decodes Godot 3.2's MultiplayerAPI packets (REMOTE_CALL, REMOTE_SET, SIMPLIFY_PATH,
 * CONFIRM_PATH, RAW) with the Variant codec, keeping each sender's path cache so calls that name
 * their node by cache id are shown with the node's path.
 */
export function godot3RoomDecoder(): RoomDecoder {
  const caches = new Map<number, Map<number, string>>();
  const malformed = (packet: Uint8Array, why: string): string[] => [
    `malformed packet (${why}, ${packet.byteLength} B): ${hexPreview(packet)}`,
  ];

  const nodePath = (from: number, packet: Uint8Array): string | null => {
    const target = readU32(packet, 1);
    if (target >= FULL_PATH_FLAG) return readCString(packet, target - FULL_PATH_FLAG)?.text ?? null;
    return caches.get(from)?.get(target) ?? `<path #${target} not announced>`;
  };

  return {
    decode(from, packet) {
      if (packet.byteLength < 1) return malformed(packet, 'empty');
      switch (packet[0]) {
        case NetworkCommand.SIMPLIFY_PATH: {
          const path = packet.byteLength >= 5 ? readCString(packet, 5) : null;
          if (path === null) return malformed(packet, 'SIMPLIFY_PATH');
          const id = readU32(packet, 1);
          let cache = caches.get(from);
          if (cache === undefined) {
            cache = new Map();
            caches.set(from, cache);
          }
          if (cache.size < MAX_PATHS_PER_PEER || cache.has(id)) cache.set(id, path.text);
          return [`path #${id} = ${path.text}`];
        }
        case NetworkCommand.CONFIRM_PATH: {
          const path = readCString(packet, 1);
          return path === null ? malformed(packet, 'CONFIRM_PATH') : [`confirms path ${path.text}`];
        }
        case NetworkCommand.REMOTE_CALL:
        case NetworkCommand.REMOTE_SET:
          return call(from, packet);
        case NetworkCommand.RAW:
          return [`raw ${packet.byteLength - 1} B: ${hexPreview(packet.subarray(1))}`];
      }
      return malformed(packet, `unknown command ${packet[0]}`);
    },
    forget(id) {
      caches.delete(id);
    },
  };

  function call(from: number, packet: Uint8Array): string[] {
    if (packet.byteLength < 6) return malformed(packet, 'too short');
    const path = nodePath(from, packet);
    const name = readCString(packet, 5);
    if (path === null || name === null || name.end >= packet.byteLength) return malformed(packet, 'bad path or name');
    let offset = name.end + 1;
    if (packet[0] === NetworkCommand.REMOTE_SET) {
      const value = decodeVariant(packet, offset);
      if (value.error !== 0) return malformed(packet, `rset ${name.text}: undecodable value`);
      return [`rset ${path}.${name.text} = ${formatVariant(value.value)}`];
    }
    const argc = packet[offset] as number;
    offset++;
    const args: string[] = [];
    for (let i = 0; i < argc; i++) {
      const arg = decodeVariant(packet, offset);
      if (arg.error !== 0) return malformed(packet, `rpc ${name.text}: undecodable argument ${i + 1}`);
      args.push(formatVariant(arg.value));
      offset += arg.bytesRead;
    }
    return [`rpc ${path}.${name.text}(${args.join(', ')})`];
  }
}

function readU32(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) +
    (bytes[at + 3] as number) * 2 ** 24
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The NUL-terminated UTF-8 string at `offset` (to the end without a NUL), or `null`. */
function readCString(bytes: Uint8Array, offset: number): { text: string; end: number } | null {
  if (offset >= bytes.byteLength) return null;
  let end = offset;
  while (end < bytes.byteLength && bytes[end] !== 0) end++;
  try {
    return { text: utf8.decode(bytes.subarray(offset, end)), end };
  } catch {
    return null;
  }
}
