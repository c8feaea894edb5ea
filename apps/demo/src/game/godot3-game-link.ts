import { CloseCode } from 'wspeer';
import { WebSocketClient } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { GAME_PATH, type GameCalls } from './game-calls.ts';
import type { GameLink, GameLinkEvents } from './game-link.ts';
import { gameResume } from './game-resume.ts';

/**
 * The dice game over Godot 3's wire, as Godot 3's demo client joins `/game`: a multiplayer
 * `WebSocketClient` (`connectToUrl(url, ["ludus"], true)`) under a `MultiplayerAPI`, the game node
 * at the demo's path. The host's functions are `puppetsync` here (the demo says `sync`): the same
 * wire, but only the host may call them, so another client cannot fake a turn through the relay.
 * With `Resume`, a dropped connection comes back with the same player id and turn (the host holds
 * the player for its grace window).
 */
export function godot3GameLink(name: string, calls: GameCalls, events: GameLinkEvents): GameLink {
  const resume = gameResume(events);
  const client = new WebSocketClient({ reconnect: resume });
  const api = new MultiplayerAPI(client);
  const hostCalls = { mode: 'puppetsync' } as const;
  const node = api.node(GAME_PATH, {
    methods: {
      set_player_name: { mode: 'master', handler: (_name: string) => {} },
      request_action: { mode: 'master', handler: (_action: string) => {} },
      update_player_name: { ...hostCalls, handler: calls.update_player_name },
      set_turn: { ...hostCalls, handler: calls.set_turn },
      add_player: { ...hostCalls, handler: calls.add_player },
      del_player: { ...hostCalls, handler: calls.del_player },
      _log: { ...hostCalls, handler: calls._log },
    },
  });
  api.on('connected_to_server', () => {
    events.connected();
    // main.gd calls rpc(); the host is the node's master, so only it needs the call.
    node.rpcId(1, 'set_player_name', name);
  });
  api.on('connection_failed', () => events.ended('Connection failed'));
  api.on('server_disconnected', () => events.ended('Connection closed'));
  api.on('rpc_refused', (from, reason) => events.refused(from, reason));
  return {
    start: (url) => client.connectToUrl(url, ['ludus'], true),
    uniqueId: () => api.getUniqueId(),
    connectionStatus: () => client.getConnectionStatus(),
    hostPeer: () => client.getPeer(1),
    requestAction: (action) => node.rpcId(1, 'request_action', action),
    poll: () => api.poll(),
    leave: () => client.disconnectFromHost(CloseCode.NORMAL, 'Bye bye!'),
    dispose: () => {
      resume.stop();
      api.removeAllListeners();
      client.removeAllListeners();
    },
  };
}
