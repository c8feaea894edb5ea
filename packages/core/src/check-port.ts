import { msg } from './msg.js';
/**
 * Why `port` cannot be listened on, or `""` when it can: a TCP port is an integer from 0 to 65535
 * (0 picks a free port). Servers return `ERR_INVALID_PARAMETER` with this message instead of
 * letting Node throw its `RangeError`.
 */
export function checkPort(port: unknown): string {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535) return '';
  const shown = typeof port === 'string' ? JSON.stringify(port) : String(port);
  return msg`invalid port ${shown}: use an integer from 0 to 65535 (0 picks a free port)`;
}
