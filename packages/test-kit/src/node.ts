export { type GodotEvent, GodotProcess, godotProjectDir, startGodot } from './godot-runner.js';
export { LineProcess, type LineProcessOptions, startLineProcess } from './line-process.js';
export { REDIS_SERVER, startRedis, type TestRedis } from './redis-server.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { freePort, startTestServer, type TestServer } from './test-server.js';
