import type { DebugTrace, TracedPeer } from './debug-trace.js';

/** Options of {@link debugLogger}. */
export interface DebugLoggerOptions {
  /** Also print every frame, with a short preview (default true). */
  frames?: boolean;
  /** Characters of text, or bytes of binary data, shown per frame (default 48). */
  preview?: number;
}

function name(peer: TracedPeer): string {
  return peer.peerId === 0 ? peer.requestedUrl : `client ${peer.peerId} (${peer.requestedUrl})`;
}

function hex(bytes: Uint8Array, max: number): string {
  let out = '';
  const n = Math.min(bytes.byteLength, max);
  for (let i = 0; i < n; i++) out += `${i === 0 ? '' : ' '}${(bytes[i] as number).toString(16).padStart(2, '0')}`;
  return bytes.byteLength > max ? `${out} ...` : out;
}

function previewOf(data: Uint8Array | string, isText: boolean, max: number): string {
  if (typeof data === 'string' || isText) {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
  }
  return hex(data, max);
}

/**
 * A {@link DebugTrace} that prints one line per event to `write` (default `console.log`):
 * `[wspeer] ws://127.0.0.1:8080/echo open (protocol "")`, `... -> text 5 B "hello"`,
 * `... <- binary 3 B 01 02 03`, `... closed 1000 "bye" (clean)`, `[wspeer] refused ...: 400 ...`.
 * Pass it as the `debug` option of a peer, client, server or multiplayer peer.
 */
export function debugLogger(
  write: (line: string) => void = (line) => console.log(line),
  options: DebugLoggerOptions = {},
): DebugTrace {
  const frames = options.frames ?? true;
  const max = options.preview ?? 48;
  const log = (line: string): void => write(`[wspeer] ${line}`);
  return {
    connecting: (_peer, url) => log(`${url} connecting`),
    opened: (peer, protocol) => log(`${name(peer)} open (protocol ${JSON.stringify(protocol)})`),
    error: (peer, message) => log(`${name(peer)} error: ${message}`),
    closed: (peer, code, reason, wasClean) =>
      log(`${name(peer)} closed ${code} ${JSON.stringify(reason)} (${wasClean ? 'clean' : 'not clean'})`),
    frame: (peer, inbound, data, isText, size) => {
      if (!frames) return;
      const kind = isText ? 'text' : 'binary';
      log(`${name(peer)} ${inbound ? '<-' : '->'} ${kind} ${size} B ${previewOf(data, isText, max)}`);
    },
    refused: (url, status, reason) => log(`refused ${url}: ${status} ${reason}`),
    listen: (port, message) => log(message === '' ? `listening on port ${port}` : message),
  };
}
