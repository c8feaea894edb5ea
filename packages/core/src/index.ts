export { checkUrl } from './check-url.js';
export { CloseCode, isSendableCloseCode, MAX_CLOSE_REASON_BYTES } from './close-code.js';
export { CloseReason } from './close-reason.js';
export type {
  ConnectionListener,
  ListenerEvents,
  ListenerFactory,
  ListenOptions,
  PendingConnection,
  ServerTlsOptions,
} from './connection-listener.js';
export { ConnectionStatus } from './connection-status.js';
export { ErrorCode, errorName } from './error-code.js';
export { generatePeerId } from './generate-peer-id.js';
export { Heartbeat } from './heartbeat.js';
export { LoopbackNetwork } from './loopback-transport.js';
export { messageSize, PacketQueue } from './packet-queue.js';
export { selectProtocol } from './select-protocol.js';
export { State } from './state.js';
export { TCPServer, type TCPServerListenOptions } from './tcp-server.js';
export type { ClientTlsOptions, ConnectOptions, Transport, TransportConnector, TransportEvents } from './transport.js';
export { decodeUtf8, encodeUtf8, utf8Length } from './utf8.js';
export { WaiterList } from './waiter-list.js';
export { warnOnce } from './warn-once.js';
export { WebSocketClient, type WebSocketClientEvents, type WebSocketClientOptions } from './websocket-client.js';
export { WebSocketError } from './websocket-error.js';
export {
  type CloseInfo,
  type ConnectToUrlOptions,
  type PeerObserver,
  WebSocketPeer,
  type WebSocketPeerOptions,
} from './websocket-peer.js';
export { WebSocketServer, type WebSocketServerEvents, type WebSocketServerOptions } from './websocket-server.js';
export { WriteMode } from './write-mode.js';
