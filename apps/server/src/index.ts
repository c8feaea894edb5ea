export { type ArenaEndpoint, arenaEndpoint } from './arena-endpoint.js';
export {
  ARENA_CODEC,
  ARENA_HEIGHT,
  ARENA_SPEED,
  ARENA_TICK_HZ,
  ARENA_WIDTH,
  arenaPlayerScene,
} from './arena-scene.js';
export { ArenaWorld, arenaColor, saneInput } from './arena-world.js';
export { chatEndpoint } from './chat-endpoint.js';
export { chatMultiplayerEndpoint } from './chat-mp-endpoint.js';
export { decodeChat, encodeChat } from './chat-text.js';
export { CHAT_PROTOCOLS } from './chat-text-protocols.js';
export { boundedLog, DEMO_LOG_LINE_LENGTH, DEMO_LOG_LINES_PER_SECOND, quoteMessage } from './demo-log.js';
export { type DemoServer, type DemoServerOptions, type DemoServerStats, startDemoServer } from './demo-server.js';
export { type DiceCalls, DiceGame, type DiceSend, GAME_PATH } from './dice-game.js';
export { echoEndpoint } from './echo-endpoint.js';
export { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
export { GAME_MAX_MESSAGES_PER_SECOND, type GameEndpoint, gameEndpoint } from './game-endpoint.js';
export { type Game4Endpoint, game4Endpoint } from './game4-endpoint.js';
export { mirrorEndpoint } from './mirror-endpoint.js';
export { pingEndpoint } from './ping-endpoint.js';
export { sendOrCut } from './send-or-cut.js';
export { staticFiles } from './static-files.js';
