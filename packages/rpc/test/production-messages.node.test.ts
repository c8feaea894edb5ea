/**
 * The production build (`scripts/prod-build.mjs`, served under the `production` export condition)
 * over real sockets: the same refusal and the same failed call, once with the development build and
 * once with `node --conditions=production`. The production run must carry codes, not texts, and each
 * code, looked up in docs/messages.md with its values, must give back the development run's text
 * exactly: the register is what users decode production messages with.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/coded-refusal.mjs', import.meta.url));
const register = readFileSync(fileURLToPath(new URL('../../../docs/messages.md', import.meta.url)), 'utf8');

interface Outcome {
  reason: string;
  kind: string;
  callError: string;
}

async function outcome(conditions: string[]): Promise<Outcome> {
  const { stdout } = await run(process.execPath, [...conditions, script], { timeout: 15_000 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Outcome;
}

/** The text of a coded message (`[wspeer N] a | b`), from the register's row for N. */
function expand(coded: string): string {
  const match = /^\[wspeer (\d+)\](?: (.*))?$/s.exec(coded);
  if (match === null) throw new Error(`not a coded message: ${coded}`);
  const row = register.split('\n').find((line) => line.startsWith(`| \`${match[1]}\` | `));
  if (row === undefined) throw new Error(`code ${match[1]} is not in docs/messages.md`);
  const text = (/^\| `\d+` \| (.*) \| [^|]* \|$/.exec(row)?.[1] ?? '').replace(/\\\|/g, '|');
  const values = match[2] === undefined ? [] : match[2].split(' | ');
  return text.replace(/\{(\d+)\}/g, (_all, i: string) => values[Number(i) - 1] ?? '');
}

describe('production build: messages as codes', () => {
  it('a refusal and a failed call read as codes whose register rows give back the texts', async () => {
    const [dev, prod] = await Promise.all([outcome([]), outcome(['--conditions=production'])]);
    expect(dev.reason).toBe('No node Main/Missing.');
    expect(dev.callError).toBe('Attempt to remote call unexisting ID: 77.');
    expect(prod.reason).toMatch(/^\[wspeer \d+\] Main\/Missing$/);
    expect(prod.callError).toMatch(/^\[wspeer \d+\] 77$/);
    // The kind is a name from the code, the same in both builds (stats and listeners key on it).
    expect(prod.kind).toBe(dev.kind);
    expect(expand(prod.reason)).toBe(dev.reason);
    expect(expand(prod.callError)).toBe(dev.callError);
  });
});
