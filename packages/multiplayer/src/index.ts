export { connected } from './connected.js';
export { TARGET_PEER_BROADCAST, TARGET_PEER_SERVER, TransferMode, type Wire } from './constants.js';
export { frame, type Godot3Header, HEADER_SIZE, readHeader, readSysId, SysType, sysMessage } from './godot3-frame.js';
export { godot3ClientWire, godot3ServerWire } from './godot3-wire.js';
export { idMessage, readIdMessage } from './godot4-id.js';
export { godot4ClientWire, godot4ServerWire } from './godot4-wire.js';
export { LocalRoom } from './local-room.js';
export { type MultiplayerClientEvents, type MultiplayerClientOptions, WebSocketClient } from './multiplayer-client.js';
export { CONNECTION, type ConnectionPolicy } from './multiplayer-connection.js';
export type { MultiplayerPeer, MultiplayerPeerEvents, Subscribe } from './multiplayer-peer.js';
export { type MultiplayerServerEvents, type MultiplayerServerOptions, WebSocketServer } from './multiplayer-server.js';
export { MultiplayerSession, SESSION } from './multiplayer-session.js';
export { OfflineMultiplayerPeer } from './offline-multiplayer-peer.js';
export { withPacketSide } from './packet-side.js';
export { RefusalLog } from './refusal-log.js';
export { Resume, type ResumeOptions } from './resume.js';
export { ResumeHost, type ResumeServer, ResumeSlot } from './resume-host.js';
export { RESUME_SESSION, type ResumePolicy, type ResumeSession } from './resume-session.js';
export { multiplayerServer } from './server-factory.js';
export { SourcedPacketQueue } from './sourced-packet-queue.js';
export { WebSocketMultiplayerClientPeer } from './websocket-multiplayer-client-peer.js';
export {
  type MultiplayerServerFactory,
  type MultiplayerServerStart,
  WebSocketMultiplayerPeer,
  type WebSocketMultiplayerPeerOptions,
} from './websocket-multiplayer-peer.js';
export type { ClientLink, ClientWire, Room, RoomFactory, RoomHost, ServerRoom, ServerWire } from './wire.js';
export { clientWire, serverWire } from './wire-formats.js';
