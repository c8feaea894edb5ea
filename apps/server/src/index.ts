export { type DemoServer, type DemoServerOptions, startDemoServer } from './demo-server.js';
export { echoEndpoint } from './echo-endpoint.js';
export { staticFiles } from './static-files.js';
