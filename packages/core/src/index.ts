export { assignSettings, PEER_DEFAULTS } from './assign-settings.js';
export { AutoPoll } from './auto-poll.js';
export { boundedText, QUOTE_LIMIT } from './bounded-text.js';
export { checkPort } from './check-port.js';
export { checkUrl } from './check-url.js';
export type { CloseInfo } from './close-info.js';
export { closed } from './closed.js';
export type {
  ConnectionListener,
  ListenerEvents,
  ListenerFactory,
  ListenOptions,
  PendingConnection,
  ServerTlsOptions,
} from './connection-listener.js';
export { CloseCode, isSendableCloseCode, MAX_CLOSE_REASON_BYTES } from './constants/close-code.js';
export { CloseReason } from './constants/close-reason.js';
export { ConnectionStatus } from './constants/connection-status.js';
export { ErrorCode, errorName } from './constants/error-code.js';
export { State } from './constants/state.js';
export { WriteMode } from './constants/write-mode.js';
export { type DebugLoggerOptions, debugLogger } from './debug-logger.js';
export type { DebugTrace, TracedPeer } from './debug-trace.js';
export { FullWebSocketPeer } from './full-websocket-peer.js';
export { generatePeerId } from './generate-peer-id.js';
export { type HandlerErrorReporter, reportHandlerError, setHandlerErrorReporter } from './handler-error.js';
export { Heartbeat } from './heartbeat.js';
export {
  BEAT,
  BEAT_TIMER,
  GATE,
  HEADERS,
  INBOUND,
  LINK_CONTROL,
  LINK_MESSAGE,
  OBSERVE,
  OPEN,
  PAUSED,
  PEER_CLASS,
  PROTOCOLS,
  RECONNECT,
  TRANSPORT,
} from './internal-keys.js';
export { type ListenFailure, listenFailure } from './listen-failure.js';
export { LoopbackNetwork } from './loopback-transport.js';
export { msg } from './msg.js';
export { nextMessage } from './next-message.js';
export { opened } from './opened.js';
export { OutboundBatch } from './outbound-batch.js';
export { messageSize, PacketQueue } from './packet-queue.js';
export {
  Reconnect,
  type ReconnectEvents,
  type ReconnectOptions,
  type ReconnectRetry,
} from './reconnect.js';
export { selectProtocol } from './select-protocol.js';
export {
  DEFAULT_MAX_BYTES_PER_SECOND,
  DEFAULT_MAX_MESSAGES_PER_SECOND,
  type GateOwner,
  type RateLimitPolicy,
  SenderGate,
  type SenderLimits,
} from './sender-gate.js';
export { ServerCounters, type ServerStats } from './server-stats.js';
export { SignalEmitter } from './signal-emitter.js';
export { MAX_TALLY_KINDS, Tally } from './tally.js';
export { TCPServer, type TCPServerListenOptions } from './tcp-server.js';
export type { ClientTlsOptions, ConnectOptions, Transport, TransportConnector, TransportEvents } from './transport.js';
export { flushAtTurnEnd, runInTurn, scheduleMicrotask, type TurnFlushable } from './turn.js';
export { setUnrefTimeout } from './unref-timeout.js';
export { decodeUtf8, encodeUtf8, utf8Length } from './utf8.js';
export type { AbortSignalLike, WaitOptions } from './wait-options.js';
export type { PeerHolder, WaitTarget } from './wait-target.js';
export { WaiterList } from './waiter-list.js';
export { notInBrowsers, warnOnce } from './warn-once.js';
export { WebSocketClient, type WebSocketClientEvents, type WebSocketClientOptions } from './websocket-client.js';
export { WebSocketError } from './websocket-error.js';
export {
  type ConnectToUrlOptions,
  type PeerObserver,
  WebSocketPeer,
  type WebSocketPeerOptions,
} from './websocket-peer.js';
export { WebSocketServer, type WebSocketServerEvents, type WebSocketServerOptions } from './websocket-server.js';
