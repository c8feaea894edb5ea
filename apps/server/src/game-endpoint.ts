import type { Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { DiceGame } from './dice-game.js';
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
 * `/game`: the host of Godot's websocket_multiplayer dice game (protocol `ludus`, Godot 3
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
  const game = new DiceGame(api, log);
  peer.attachServer(http, '/game');
  return { peer, api, game };
}
