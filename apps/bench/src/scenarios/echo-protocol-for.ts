import type { EchoProtocol } from '../client/echo-protocol.js';
import { RawEchoProtocol } from '../client/raw-echo-protocol.js';
import { SocketIoEchoProtocol } from '../client/socket-io-echo-protocol.js';
import type { Implementation } from '../implementations.js';

/** The framing the bench client speaks to `impl`'s echo server. */
export function echoProtocolFor(impl: Implementation): EchoProtocol {
  return impl.socketIo === true ? new SocketIoEchoProtocol() : new RawEchoProtocol();
}
