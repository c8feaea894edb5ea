export * from './api/index.js';
export * from './variant/index.js';
