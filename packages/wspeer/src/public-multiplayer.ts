/**
 * What `wspeer/multiplayer` exports besides its bound classes, the same in the browser and the
 * Node entry: exactly the surface the README documents. The wire internals stay unexported.
 */
export {
  connected,
  type MultiplayerClientEvents,
  type MultiplayerClientOptions,
  type MultiplayerPeer,
  type MultiplayerPeerEvents,
  OfflineMultiplayerPeer,
  Resume,
  type ResumeOptions,
  type Subscribe,
  TARGET_PEER_BROADCAST,
  TARGET_PEER_SERVER,
  TransferMode,
  type WebSocketMultiplayerPeerOptions,
  type Wire,
} from '@wspeer/multiplayer';
