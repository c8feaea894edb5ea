import type { BenchServer, ServerKind } from './bench-server.js';
import { startSocketIoEchoServer } from './socket-io-echo-server.js';
import { startWsEchoServer } from './ws-echo-server.js';
import { startWsRelayServer } from './ws-relay-server.js';
import { startWspeerEchoServer } from './wspeer-echo-server.js';
import { startWspeerRelayServer } from './wspeer-relay-server.js';

/** Starts the server of `kind` on 127.0.0.1 and a free port. */
export function startServer(kind: ServerKind): Promise<BenchServer> {
  switch (kind) {
    case 'ws-echo':
      return startWsEchoServer(false);
    case 'ws-echo-cork':
      return startWsEchoServer(true);
    case 'wspeer-echo-tick':
      return startWspeerEchoServer('tick');
    case 'wspeer-echo-auto':
      return startWspeerEchoServer('auto');
    case 'socketio-echo':
      return startSocketIoEchoServer();
    case 'ws-relay':
      return startWsRelayServer();
    case 'wspeer-relay-tick':
      return startWspeerRelayServer('tick');
    case 'wspeer-relay-auto':
      return startWspeerRelayServer('auto');
  }
}
