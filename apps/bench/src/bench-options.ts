import { echoId, echoSpecs } from './scenarios/run-echo-scenarios.js';

/** The scenario groups, in the order they run. */
export const GROUPS = ['echo', 'rtt', 'connect', 'memory', 'relay', 'browser', 'replication'] as const;

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
  /** Echo workloads to run, by id without `echo/` (e.g. `4096-binary/100x1`); empty = all. */
  echoIds: string[];
  /** Write V8 CPU profiles of the server processes into `bench-results/profiles`. */
  profile: boolean;
  /** Write `apps/bench/RESULTS.md` (default: on for a full run of every group). */
  writeMarkdown: boolean;
}

/** The usage text of `--help`. */
export const USAGE = `usage: pnpm bench [--quick] [--only echo,rtt,connect,memory,relay,browser,replication] [--echo LIST]
                  [--rounds N] [--duration MS] [--profile] [--no-markdown]

  --quick        smoke check (< 2 min): 2 rounds, short windows, memory at 1,000 connections
  --only LIST    run only these scenario groups
  --echo LIST    run only these echo workloads, e.g. 4096-binary/100x1,32-text/1x100
                 (size-kind/connections x in flight; implies --only echo unless --only is given)
  --rounds N     rounds per scenario (default 5, quick 2)
  --duration MS  measured window per throughput round (default 1000, quick 300)
  --profile      write V8 CPU profiles of every server process to bench-results/profiles/
  --no-markdown  do not rewrite apps/bench/RESULTS.md (a full run of all groups does by default)`;

function numberAfter(argv: readonly string[], index: number, flag: string): number {
  const value = Number(argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} needs a positive number`);
  return value;
}

/** Parses the command line (a lone `--`, as pnpm may pass it, is ignored). Throws on bad input. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const args = argv.filter((arg) => arg !== '--');
  const quick = args.includes('--quick');
  const options: BenchOptions = {
    quick,
    rounds: quick ? 2 : 5,
    memoryRounds: quick ? 1 : 3,
    warmupMs: quick ? 100 : 250,
    durationMs: quick ? 300 : 1000,
    rttDurationMs: quick ? 500 : 2000,
    memoryConnections: quick ? [1000] : [1000, 10_000],
    connectCount: quick ? 300 : 1000,
    groups: [...GROUPS],
    echoIds: [],
    profile: false,
    writeMarkdown: !quick,
  };
  let onlyGiven = false;
  let echoGiven = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') continue;
    if (arg === '--profile') options.profile = true;
    else if (arg === '--no-markdown') options.writeMarkdown = false;
    else if (arg === '--rounds') options.rounds = numberAfter(args, i++, arg);
    else if (arg === '--duration') options.durationMs = numberAfter(args, i++, arg);
    else if (arg === '--echo') {
      options.echoIds = (args[++i] ?? '').split(',').filter((id) => id !== '');
      const known = echoSpecs().map((spec) => echoId(spec).slice('echo/'.length));
      const unknown = options.echoIds.filter((id) => !known.includes(id));
      if (options.echoIds.length === 0 || unknown.length > 0)
        throw new Error(`--echo takes a list of: ${known.join(', ')}`);
      if (!onlyGiven) options.groups = ['echo'];
      echoGiven = true;
    } else if (arg === '--only') {
      const wanted = (args[++i] ?? '').split(',').filter((g) => g !== '');
      const unknown = wanted.filter((g) => !(GROUPS as readonly string[]).includes(g));
      if (wanted.length === 0 || unknown.length > 0) throw new Error(`--only takes a list of: ${GROUPS.join(', ')}`);
      options.groups = GROUPS.filter((g) => wanted.includes(g));
      onlyGiven = true;
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (onlyGiven || echoGiven || options.profile) options.writeMarkdown = false;
  return options;
}
