export { type GodotEvent, GodotProcess, godotProjectDir, startGodot } from './godot-runner.js';
export { freePort, startTestServer, type TestServer } from './test-server.js';
