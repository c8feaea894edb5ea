import { type DebugTrace, debugLogger } from '@wspeer/core';

let shared: DebugTrace | null | undefined;

/**
 * The Node entries' default `debug` option: a logger writing to stderr when the `WSPEER_DEBUG`
 * environment variable is set (`1` or `all`: events and frames; `events`: events only; unset, empty
 * or `0`: off). Read once per process.
 */
export function envDebug(): DebugTrace | null {
  if (shared !== undefined) return shared;
  const value = process.env.WSPEER_DEBUG ?? '';
  shared =
    value === '' || value === '0'
      ? null
      : debugLogger((line) => process.stderr.write(`${line}\n`), { frames: value !== 'events' });
  return shared;
}
