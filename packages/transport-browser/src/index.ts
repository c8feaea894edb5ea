export { BrowserTransport } from './browser-transport.js';
export { connectBrowser } from './connect-browser.js';
