import type { MultiplayerPeer } from '@wspeer/multiplayer';

/**
 * `peer` as seen through a tap: every packet a reader takes with `getPacket()` is first shown to
 * `onPacket(from, packet)`. Everything else is the peer itself. Lets `wspeer serve godot4` print
 * what clients send while SceneMultiplayer processes it.
 */
export function tapPackets(
  peer: MultiplayerPeer,
  onPacket: (from: number, packet: Uint8Array) => void,
): MultiplayerPeer {
  const getPacket = (): Uint8Array => {
    const from = peer.getPacketPeer();
    const packet = peer.getPacket();
    if (packet.byteLength > 0) onPacket(from, packet);
    return packet;
  };
  return new Proxy(peer, {
    get(target, key) {
      if (key === 'getPacket') return getPacket;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      return Reflect.set(target, key, value, target);
    },
  });
}
