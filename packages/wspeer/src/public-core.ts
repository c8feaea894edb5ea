/**
 * What `wspeer` exports besides its bound classes, the same in the browser and the Node entry:
 * exactly the surface the README documents (constants, errors, options and signal types, the
 * handler-error policy, the debug logger). Internals of `@wspeer/core` stay unexported.
 */
export {
  type AbortSignalLike,
  boundedText,
  type ClientTlsOptions,
  CloseCode,
  type CloseInfo,
  CloseReason,
  ConnectionStatus,
  type ConnectOptions,
  type ConnectToUrlOptions,
  type DebugLoggerOptions,
  type DebugTrace,
  debugLogger,
  ErrorCode,
  errorName,
  type HandlerErrorReporter,
  type PeerObserver,
  type PendingConnection,
  QUOTE_LIMIT,
  type RateLimitPolicy,
  type ServerStats,
  State,
  setHandlerErrorReporter,
  type TracedPeer,
  type Transport,
  type TransportConnector,
  type TransportEvents,
  type WaitOptions,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
  WebSocketError,
  type WebSocketPeerOptions,
  WriteMode,
} from '@wspeer/core';
