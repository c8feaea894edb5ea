import { debugLogger, WebSocketClient } from '@wspeer/core';
import { connectNode } from '@wspeer/transport-node';
import type { CliIo, Running } from './cli-io.js';
import { readLines } from './line-input.js';
import { messagePreview } from './preview.js';

/** Settings of `wspeer connect URL`. */
export interface ConnectOptions {
  /** The server's URL (`ws://` is assumed without a scheme). */
  url: string;
  /** Subprotocols to request. */
  protocols: string[];
  /** Extra handshake header lines (`"Name: value"`). */
  headers: string[];
  /** Send each line as a binary frame (its UTF-8 bytes) instead of a text frame. */
  binary: boolean;
  /** Print connection events and frames. */
  debug: boolean;
  /** After the end of input, close once nothing arrived for this many ms (default 500), so replies are printed. */
  lingerMs?: number;
}

/**
 * `wspeer connect URL`, like wscat: each input line is sent, each message received is printed as
 * `< text` (or `< [binary N B] hex`). Lines typed before the connection opens are sent once it
 * does. After the end of input the connection is closed cleanly once nothing arrived for
 * `lingerMs` (so the replies to piped input are printed); the command ends when the connection does.
 */
export function connect(options: ConnectOptions, io: CliIo): Running {
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  const client = new WebSocketClient({
    connect: connectNode,
    autoPoll: true,
    ...(options.debug ? { debug: debugLogger((line) => io.err(line)) } : {}),
  });
  const waiting: string[] = [];
  const lingerMs = options.lingerMs ?? 500;
  let open = false;
  let inputEnded = false;
  let lingerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Closes once nothing arrived for `lingerMs` (restarted by every message). */
  const closeWhenQuiet = (): void => {
    clearTimeout(lingerTimer);
    lingerTimer = setTimeout(() => client.disconnectFromHost(1000, 'Bye'), lingerMs);
  };
  const send = (line: string): void => {
    const peer = client.getPeer(1);
    if (peer === null) return;
    const err = options.binary ? peer.send(new TextEncoder().encode(line)) : peer.sendText(line);
    if (err !== 0) io.err(`wspeer: could not send (error ${err})`);
  };
  const lines = readLines(
    io,
    (line) => {
      if (open) send(line);
      else waiting.push(line);
    },
    () => {
      inputEnded = true;
      if (open) closeWhenQuiet();
    },
  );
  client.on('connection_established', (protocol) => {
    open = true;
    io.err(`connected to ${options.url}${protocol === '' ? '' : ` (protocol "${protocol}")`}`);
    for (const line of waiting.splice(0)) send(line);
    if (inputEnded) closeWhenQuiet();
  });
  client.on('data_received', () => {
    const message = client.getPeer(1)?.getMessage();
    if (message !== null && message !== undefined) lines.print(`< ${messagePreview(message)}`);
    if (inputEnded) closeWhenQuiet();
  });
  client.on('server_close_request', (code, reason) =>
    io.err(`the server closes: ${code}${reason ? ` ${reason}` : ''}`),
  );
  client.on('connection_closed', (clean, reason) => {
    clearTimeout(lingerTimer);
    lines.close();
    const peer = client.getPeer(1);
    io.err(`disconnected: ${peer?.closeCode ?? -1}${reason ? ` ${reason}` : ''} (${clean ? 'clean' : 'not clean'})`);
    finish(clean ? 0 : 1);
  });
  client.on('connection_error', (reason) => {
    lines.close();
    io.err(`wspeer: could not connect to ${options.url}: ${reason || 'connection failed'}`);
    finish(1);
  });
  const err = client.connectToUrl(options.url, options.protocols, options.headers);
  if (err !== 0) {
    lines.close();
    io.err(`wspeer: ${client.getPeer(1)?.lastErrorMessage || `cannot connect to ${options.url}`}`);
    finish(2);
  }
  return {
    done,
    stop() {
      if (open) client.disconnectFromHost(1000, 'Bye');
      else {
        lines.close();
        finish(1);
      }
    },
  };
}
