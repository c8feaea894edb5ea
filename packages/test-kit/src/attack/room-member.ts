/**
 * Child entry: `node room-member.js <url> <protocol,...>`: a wspeer multiplayer client that joins
 * a Godot 3 room and answers pings by itself, so a test can freeze it with SIGSTOP (a peer that
 * died without closing) and see how long the server takes to drop it. Reports its id when joined.
 */
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { serveRequests } from './child.js';

const [url = '', protocols = ''] = process.argv.slice(2);
const peer = new WebSocketMultiplayerPeer({
  autoPoll: true,
  supportedProtocols: protocols === '' ? [] : protocols.split(','),
});
peer.on('peer_packet', () => {
  while (peer.getAvailablePacketCount() > 0) peer.getPacket();
});
peer.createClient(url);
const id = await connected(peer, 5000);
serveRequests({ id }, () => ({ id: peer.getUniqueId() }));
