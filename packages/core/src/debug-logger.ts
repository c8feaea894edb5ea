import type { DebugTrace, TracedPeer } from './debug-trace.js';
import type { Transport, TransportEvents } from './transport.js';

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

function frameLine(data: Uint8Array | string, isText: boolean, max: number): string {
  if (typeof data !== 'string' && !isText) return `binary ${data.byteLength} B ${hex(data, max)}`;
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  const size = typeof data === 'string' ? new TextEncoder().encode(data).byteLength : data.byteLength;
  return `text ${size} B ${JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text)}`;
}

/**
 * A {@link DebugTrace} that prints one line per event to `write` (default `console.log`):
 * `[wspeer] ws://127.0.0.1:8080/echo connecting`, `... open (protocol "")`, `... -> text 5 B "hello"`,
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
    events(peer, events): TransportEvents {
      log(`${name(peer)} ${peer.peerId === 0 ? 'connecting' : 'accepted'}`);
      return {
        onOpen(protocol) {
          log(`${name(peer)} open (protocol ${JSON.stringify(protocol)})`);
          events.onOpen(protocol);
        },
        onMessage(data, isText) {
          if (frames) log(`${name(peer)} <- ${frameLine(data, isText, max)}`);
          events.onMessage(data, isText);
        },
        onError(message, closeCode) {
          log(`${name(peer)} error: ${message}`);
          events.onError(message, closeCode);
        },
        onClose(code, reason, wasClean) {
          log(`${name(peer)} closed ${code} ${JSON.stringify(reason)} (${wasClean ? 'clean' : 'not clean'})`);
          events.onClose(code, reason, wasClean);
        },
      };
    },
    transport(peer, inner): Transport {
      const traced: Transport = {
        adapter: inner.adapter,
        get bufferedAmount() {
          return inner.bufferedAmount;
        },
        get remoteAddress() {
          return inner.remoteAddress ?? '';
        },
        get remotePort() {
          return inner.remotePort ?? 0;
        },
        sendMany(messages, count) {
          if (frames) {
            for (let i = 0; i < count; i++) {
              const m = messages[i] as Uint8Array | string;
              log(`${name(peer)} -> ${frameLine(m, typeof m === 'string', max)}`);
            }
          }
          inner.sendMany(messages, count);
        },
        close(code, reason) {
          log(`${name(peer)} closing ${code} ${JSON.stringify(reason)}`);
          inner.close(code, reason);
        },
        terminate() {
          log(`${name(peer)} dropped`);
          inner.terminate();
        },
        pause: () => inner.pause?.() ?? false,
        resume: () => inner.resume?.(),
        setNoDelay: (enabled) => inner.setNoDelay?.(enabled) ?? false,
      };
      if (inner.heartbeat !== undefined) traced.heartbeat = (now, interval) => inner.heartbeat?.(now, interval) ?? true;
      return traced;
    },
    refused: (url, status, reason) => log(`refused ${url}: ${status} ${reason}`),
    listen: (port, message) => log(message === '' ? `listening on port ${port}` : message),
  };
}
