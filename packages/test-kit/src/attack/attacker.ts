/**
 * Child entry: `node attacker.js <port>`. Runs named attacks (`run` with `{ attack, args }`)
 * against 127.0.0.1:<port>, each bounded in count and time, and answers with its figures;
 * `release` closes the sockets an attack kept open.
 */
import type { Attack, AttackContext } from './attack-kit.js';
import { serveRequests } from './child.js';
import { churn, echoBig, echoNoRead, slowloris } from './exhaustion-attacks.js';
import {
  outOfTurn,
  relayFlood,
  rpcNames,
  rpcPathStall,
  rpcSimplify,
  spoofFlood,
  stallAndSend,
} from './room-attacks.js';
import { garbage, oversize, pingFlood } from './wire-attacks.js';

const ATTACKS: Record<string, Attack> = {
  garbage,
  oversize,
  pingFlood,
  slowloris,
  churn,
  echoNoRead,
  echoBig,
  relayFlood,
  spoofFlood,
  rpcPathStall,
  rpcNames,
  rpcSimplify,
  outOfTurn,
  stallAndSend,
};

const context: AttackContext = { port: Number(process.argv[2]), held: [] };

serveRequests({ attacks: Object.keys(ATTACKS) }, async (cmd, args) => {
  if (cmd === 'release') {
    for (const ws of context.held.splice(0)) ws.destroy();
    return {};
  }
  if (cmd !== 'run') throw new Error(`unknown command ${cmd}`);
  const { attack, args: attackArgs } = args as { attack: string; args: Record<string, unknown> };
  const run = ATTACKS[attack];
  if (run === undefined) throw new Error(`unknown attack ${attack}`);
  const started = Date.now();
  const figures = await run(context, attackArgs ?? {});
  return { ...figures, tookMs: Date.now() - started };
});
