import type { Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { DiceGame } from './dice-game.js';

/** The game endpoint: its peer, API and game state. */
export interface GameEndpoint {
  peer: WebSocketMultiplayerPeer;
  api: MultiplayerAPI;
  game: DiceGame;
}

/**
 * `/game`: the host of Godot's websocket_multiplayer dice game (protocol `ludus`, Godot 3
 * multiplayer wire), polled as soon as anything arrives.
 */
export function gameEndpoint(http: Server, log: (line: string) => void): GameEndpoint {
  const peer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'], log: (line) => log(`[game] ${line}`) });
  const api = new MultiplayerAPI(peer, { autoPoll: true, log: (line) => log(`[game] ${line}`) });
  const game = new DiceGame(api, log);
  peer.attachServer(http, '/game');
  return { peer, api, game };
}
