import { CloseCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer } from 'wspeer/scene';
import { GAME_PATH, type GameCalls } from './game-calls.ts';
import type { GameLink, GameLinkEvents } from './game-link.ts';
import { gameResume } from './game-resume.ts';

/**
 * The dice game over Godot 4's wire, as Godot 4's demo client joins `/game4`: a
 * `WebSocketMultiplayerPeer` (`supported_protocols = ["ludus"]`, `create_client(url)`) under a
 * `SceneMultiplayer`, the game node at the demo's path with the `@rpc` functions of Godot 4's
 * `game.gd` (Godot numbers them by their sorted names, so the list must match the host's). The
 * host's functions keep Godot's default `authority` mode: only the host may call them.
 */
export function godot4GameLink(name: string, calls: GameCalls, events: GameLinkEvents): GameLink {
  const resume = gameResume(events);
  const peer = new WebSocketMultiplayerPeer({
    wire: 'godot4',
    supportedProtocols: ['ludus'],
    reconnect: resume,
  });
  const multiplayer = new SceneMultiplayer(peer);
  const node = multiplayer.node(GAME_PATH, {
    methods: {
      set_player_name: { mode: 'any_peer', handler: (_name: string) => {} },
      request_action: { mode: 'any_peer', handler: (_action: string) => {} },
      update_player_name: { callLocal: true, handler: calls.update_player_name },
      set_turn: { callLocal: true, handler: calls.set_turn },
      add_player: { callLocal: true, handler: calls.add_player },
      del_player: { callLocal: true, handler: calls.del_player },
      _log: { handler: calls._log },
    },
  });
  multiplayer.on('connected_to_server', () => {
    events.connected();
    // main.gd calls set_player_name.rpc(); only the host (the node's authority) acts on it.
    node.rpcId(1, 'set_player_name', name);
  });
  multiplayer.on('connection_failed', () => events.ended('Connection failed'));
  multiplayer.on('server_disconnected', () => events.ended('Connection closed'));
  multiplayer.on('rpc_refused', (from, reason) => events.refused(from, reason));
  return {
    start: (url) => peer.createClient(url),
    uniqueId: () => (peer.getConnectionStatus() === 2 ? multiplayer.getUniqueId() : 0),
    connectionStatus: () => peer.getConnectionStatus(),
    hostPeer: () => peer.getPeer(1),
    requestAction: (action) => node.rpcId(1, 'request_action', action),
    poll: () => multiplayer.poll(),
    leave: () => {
      // stop() detaches the peer, so no server_disconnected follows: say it here.
      peer.stop(CloseCode.NORMAL, 'Bye bye!');
      events.ended('Connection closed');
    },
    dispose: () => {
      resume.stop();
      multiplayer.removeAllListeners();
    },
  };
}
