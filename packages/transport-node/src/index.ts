export { connectNode } from './connect-node.js';
export { createNodeListener } from './create-node-listener.js';
export { NodeTransport } from './node-transport.js';
export { parseHeaderLines } from './parse-header-lines.js';
export { parseProtocolHeader } from './parse-protocol-header.js';
export { rejectUpgrade } from './reject-upgrade.js';
export { UpgradeRouter } from './upgrade-router.js';
