import { IMPLEMENTATIONS, type ImplId } from './implementations.js';
import { CLIENT_KINDS, type ClientKind, echoSpecs, workloadId } from './scenarios/echo-workloads.js';

/** The scenario groups, in the order they run. */
export const GROUPS = ['echo', 'client', 'rtt', 'connect', 'memory', 'relay', 'browser', 'replication'] as const;

/** One of {@link GROUPS}. */
export type Group = (typeof GROUPS)[number];

/** Everything a run is configured by (see `--help`). */
export interface BenchOptions {
  /** Smoke check: 2 rounds, short windows, 1,000 connections for memory. */
  quick: boolean;
  /** Rounds per scenario; every implementation runs once per round, in rotating order. */
  rounds: number;
  /** Rounds of the memory scenario (each starts fresh server processes). */
  memoryRounds: number;
  /** Warm-up before each measured window, in ms. */
  warmupMs: number;
  /** Measured window of throughput rounds, in ms. */
  durationMs: number;
  /** Measured window of round-trip rounds, in ms. */
  rttDurationMs: number;
  /** Connection counts of the idle-memory scenario. */
  memoryConnections: number[];
  /** Connections opened per connection-setup round. */
  connectCount: number;
  /** Groups to run. */
  groups: Group[];
  /** Echo workloads to run, as `size-kind/CxW`, optionally prefixed by the client kind; empty = all. */
  echoIds: string[];
  /** Load clients of the echo group. */
  clients: ClientKind[];
  /** Implementations to run (others are left out of every group); empty = all. */
  impls: ImplId[];
  /** Write V8 CPU profiles of the server (and client-group client) processes into `bench-results/profiles`. */
  profile: boolean;
  /** Write `apps/bench/RESULTS.md` (default: on for a full run of every group). */
  writeMarkdown: boolean;
}

/** The usage text of `--help`. */
export const USAGE = `usage: pnpm bench [--quick] [--only GROUPS] [--echo LIST] [--clients batch,ws] [--impls LIST]
                  [--rounds N] [--duration MS] [--profile] [--no-markdown]

  --quick          smoke check (about 3 min): 2 rounds, short windows, memory at 1,000 connections
  --only GROUPS    run only these groups: ${GROUPS.join(', ')}
  --echo LIST      run only these workloads (echo and client groups), e.g. 4096-binary/100x1,32-text/1x100,
                   or one client kind's: ws/4096-binary/1x100 (implies --only echo,client unless --only is given)
  --clients LIST   load clients of the echo group: batch (writes what one chunk triggers at once), ws
                   (a ws client, one write per message); default both
  --impls LIST     only these implementations, e.g. ws-cork-bu,wspeer-auto (ids: ${IMPLEMENTATIONS.map((i) => i.id).join(', ')})
  --rounds N       rounds per scenario (default 5, quick 2)
  --duration MS    measured window per throughput round (default 500, quick 250)
  --profile        write V8 CPU profiles of every server and client process to bench-results/profiles/
  --no-markdown    do not rewrite apps/bench/RESULTS.md (a full run of all groups does by default)`;

function numberAfter(argv: readonly string[], index: number, flag: string): number {
  const value = Number(argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
  return value;
}

function listAfter<T extends string>(argv: readonly string[], index: number, flag: string, known: readonly T[]): T[] {
  const wanted = (argv[index + 1] ?? '').split(',').filter((item) => item !== '');
  const unknown = wanted.filter((item) => !(known as readonly string[]).includes(item));
  if (wanted.length === 0 || unknown.length > 0) throw new Error(`${flag} takes a list of: ${known.join(', ')}`);
  return wanted as T[];
}

/** Parses the command line (a lone `--`, as pnpm may pass it, is ignored). Throws on bad input. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const args = argv.filter((arg) => arg !== '--');
  const quick = args.includes('--quick');
  const options: BenchOptions = {
    quick,
    rounds: quick ? 2 : 5,
    memoryRounds: quick ? 1 : 3,
    warmupMs: quick ? 100 : 150,
    durationMs: quick ? 250 : 500,
    rttDurationMs: quick ? 500 : 1500,
    memoryConnections: quick ? [1000] : [1000, 10_000],
    connectCount: quick ? 300 : 1000,
    groups: [...GROUPS],
    echoIds: [],
    clients: [...CLIENT_KINDS],
    impls: [],
    profile: false,
    writeMarkdown: !quick,
  };
  let onlyGiven = false;
  let subset = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--quick') continue;
    if (arg === '--profile') options.profile = true;
    else if (arg === '--no-markdown') options.writeMarkdown = false;
    else if (arg === '--rounds') options.rounds = numberAfter(args, i++, arg);
    else if (arg === '--duration') options.durationMs = numberAfter(args, i++, arg);
    else if (arg === '--echo') {
      const known = [
        ...new Set(echoSpecs().flatMap((spec) => [workloadId(spec), `${spec.client}/${workloadId(spec)}`])),
      ];
      options.echoIds = listAfter(args, i++, arg, known);
      if (!onlyGiven) options.groups = ['echo', 'client'];
      subset = true;
    } else if (arg === '--clients') {
      options.clients = listAfter(args, i++, arg, CLIENT_KINDS);
      subset = true;
    } else if (arg === '--impls') {
      options.impls = listAfter(
        args,
        i++,
        arg,
        IMPLEMENTATIONS.map((impl) => impl.id),
      );
      subset = true;
    } else if (arg === '--only') {
      options.groups = listAfter(args, i++, arg, GROUPS);
      onlyGiven = true;
      subset = true;
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (subset || options.profile) options.writeMarkdown = false;
  return options;
}
