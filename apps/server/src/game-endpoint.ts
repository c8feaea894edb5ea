import type { Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI, type RpcNode } from 'wspeer/rpc';
import { DiceGame, type DiceSend, GAME_PATH } from './dice-game.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';

/** Most messages a player may send per second; a dice game needs a handful, a flooder is cut (1008). */
export const GAME_MAX_MESSAGES_PER_SECOND = 100;

/** The game endpoint: its peer, API and game state. */
export interface GameEndpoint {
  peer: WebSocketMultiplayerPeer;
  api: MultiplayerAPI;
  game: DiceGame;
}

/**
 * `/game`: the host of Godot 3's websocket_multiplayer dice game (protocol `ludus`, Godot 3
 * multiplayer wire), polled as soon as anything arrives. Players are pinged (a dead player is
 * dropped and loses the turn) and cut past {@link GAME_MAX_MESSAGES_PER_SECOND}.
 */
export function gameEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): GameEndpoint {
  const peer = new WebSocketMultiplayerPeer({
    supportedProtocols: ['ludus'],
    heartbeatInterval: settings.heartbeatInterval,
    maxMessagesPerSecond: GAME_MAX_MESSAGES_PER_SECOND,
    rateLimitPolicy: 'cut',
    log: (line) => log(`[game] ${line}`),
  });
  const api = new MultiplayerAPI(peer, { autoPoll: true, log: (line) => log(`[game] ${line}`) });
  // The game sends through the node, which calls into the game: the send runs only once peers exist.
  const send: DiceSend = (to, method, ...args) => (node as unknown as RpcNode).rpcId(to, method, ...args);
  const game = new DiceGame(send, (line) => log(`[game] ${line}`));
  const node = declareGame(api, game);
  api.on('network_peer_connected', (id) => game.join(id));
  api.on('network_peer_disconnected', (id) => game.leave(id));
  peer.attachServer(http, '/game');
  return { peer, api, game };
}

/**
 * The game node with the RPC functions of Godot 3's `game.gd`. Players may call the `master`
 * functions; the `sync` functions of the demo are `puppet` here: only the host calls them (the
 * same call on the wire), so a client's attempt is refused.
 */
function declareGame(api: MultiplayerAPI, game: DiceGame) {
  const hostOnly = { mode: 'puppet', handler: () => {} } as const;
  return api.node(GAME_PATH, {
    methods: {
      set_player_name: {
        mode: 'master',
        args: ['String'],
        handler: (name: string) => game.setPlayerName(api.getRpcSenderId(), name),
      },
      request_action: {
        mode: 'master',
        args: ['String'],
        handler: (action: string) => game.requestAction(api.getRpcSenderId(), action),
      },
      update_player_name: hostOnly,
      do_action: hostOnly,
      set_turn: hostOnly,
      del_player: hostOnly,
      add_player: hostOnly,
      _log: hostOnly,
    },
  });
}
