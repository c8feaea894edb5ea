export { type Pollable, pollUntil, sleep } from './poll-until.js';
export { type ConnectionLog, fetchLog, uniqueId } from './server-log.js';
export type { TestUrls } from './test-urls.js';
