import type { Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, type SceneNode } from 'wspeer/scene';
import { DiceGame, type DiceSend, GAME_PATH } from './dice-game.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
import { GAME_MAX_MESSAGES_PER_SECOND } from './game-endpoint.js';

/** The Godot 4 game endpoint: its peer, SceneMultiplayer and game state. */
export interface Game4Endpoint {
  peer: WebSocketMultiplayerPeer;
  multiplayer: SceneMultiplayer;
  game: DiceGame;
}

/**
 * `/game4`: the host of Godot 4's websocket_multiplayer dice game (protocol `ludus`, Godot 4 wire
 * and SceneMultiplayer), polled as soon as anything arrives. Unmodified Godot 4 clients of that demo
 * and the demo page (Godot 4 mode) play in the same game. Like `/game`, players are pinged and cut
 * past `GAME_MAX_MESSAGES_PER_SECOND`.
 */
export function game4Endpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): Game4Endpoint {
  const tag = (line: string) => log(`[game4] ${line}`);
  const peer = new WebSocketMultiplayerPeer({
    wire: 'godot4',
    supportedProtocols: ['ludus'],
    heartbeatInterval: settings.heartbeatInterval,
    maxMessagesPerSecond: GAME_MAX_MESSAGES_PER_SECOND,
    rateLimitPolicy: 'cut',
    log: tag,
  });
  const multiplayer = new SceneMultiplayer(peer, { autoPoll: true, log: tag });
  // The game sends through the node, which calls into the game: the send runs only once peers exist.
  const send: DiceSend = (to, method, ...args) => (node as unknown as SceneNode).rpcId(to, method, ...args);
  const game = new DiceGame(send, tag);
  const node = declareGame4(multiplayer, game);
  multiplayer.on('peer_connected', (id) => game.join(id));
  multiplayer.on('peer_disconnected', (id) => game.leave(id));
  peer.attachServer(http, '/game4');
  return { peer, multiplayer, game };
}

/**
 * The game node with the `@rpc` functions of Godot 4's `game.gd` (Godot numbers them by their
 * sorted names and checks the list): players may call the `any_peer` ones; the rest are
 * `authority` (the host), so a client's attempt is refused here and by every Godot client.
 */
function declareGame4(multiplayer: SceneMultiplayer, game: DiceGame) {
  const hostOnly = { handler: () => {} };
  return multiplayer.node(GAME_PATH, {
    methods: {
      set_player_name: {
        mode: 'any_peer',
        args: ['String'],
        handler: (name: string) => game.setPlayerName(multiplayer.getRemoteSenderId(), name),
      },
      request_action: {
        mode: 'any_peer',
        args: ['String'],
        handler: (action: string) => game.requestAction(multiplayer.getRemoteSenderId(), action),
      },
      update_player_name: hostOnly,
      set_turn: hostOnly,
      del_player: hostOnly,
      add_player: hostOnly,
      _log: hostOnly,
    },
  });
}
