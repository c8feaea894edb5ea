export { freePort, startTestServer, type TestServer } from './test-server.js';
