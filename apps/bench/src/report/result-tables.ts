import type { Group } from '../bench-options.js';
import { type ImplId, implementation, WS_CLIENTS, WS_SERVERS } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { REPLICATION_SECTION } from '../replication/replication-section.js';
import type { ClientKind } from '../scenarios/echo-workloads.js';
import { median, pairedRatio } from '../stats.js';
import { type Baseline, baselineIn, bestOf } from './best-of.js';
import { formatValue } from './format-value.js';
import type { Ratio, Section } from './section.js';
import type { Table } from './table.js';

const TICK_BEST: Ratio = ['wspeer-tick', WS_SERVERS, 'tick/best ws'];
const AUTO_BEST: Ratio = ['wspeer-auto', WS_SERVERS, 'auto/best ws'];
const TICK_WS: Ratio = ['wspeer-tick', 'ws', 'tick/ws'];
const AUTO_WS: Ratio = ['wspeer-auto', 'ws', 'auto/ws'];
const AUTO_SIO: Ratio = ['wspeer-auto', 'socketio', 'auto/sio'];
const TICK_SIO: Ratio = ['wspeer-tick', 'socketio', 'tick/sio'];
const SERVERS: ImplId[] = ['ws', 'ws-cork', 'ws-bu', 'ws-cork-bu', 'wspeer-tick', 'wspeer-auto'];
const BEST_WS = { of: WS_SERVERS, label: 'best ws' };
const CLIENTS: ImplId[] = ['client-ws', 'client-ws-bu', 'client-wspeer-tick', 'client-wspeer-auto'];
const BEST_WS_CLIENT = { of: WS_CLIENTS, label: 'best ws client' };
const CLIENT_RATIOS: Ratio[] = [
  ['client-wspeer-tick', WS_CLIENTS, 'tick/best ws'],
  ['client-wspeer-auto', WS_CLIENTS, 'auto/best ws'],
];

const byGroup =
  (group: Group, unit?: string, client?: ClientKind) =>
  (m: Measurement): boolean =>
    m.group === group && (unit === undefined || m.unit === unit) && (client === undefined || m.client === client);

const BATCH_NOTE =
  'batching client: what one received chunk triggers leaves in one write, as wspeer\'s own client, Godot or any game loop sends; "1 conn x N" is where batching (client and server) pays';
const WS_NOTE =
  'ws client: one `ws.send`, so one socket write, per message, as a Node bot sends; a server gains nothing from batching what arrives one frame per read';

const SECTIONS: Section[] = [
  {
    title: 'Echo throughput, batching client (msg/s, higher is better)',
    select: byGroup('echo', 'msg/s', 'batch'),
    impls: [...SERVERS, 'socketio'],
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST, AUTO_WS, AUTO_SIO],
    notes: [
      BATCH_NOTE,
      'every echo received sends the next message, so "x 100 in flight" keeps 100 messages queued per connection',
    ],
  },
  {
    title: 'Echo throughput, one write per message: ws client (msg/s, higher is better)',
    select: byGroup('echo', 'msg/s', 'ws'),
    impls: SERVERS,
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST, AUTO_WS],
    notes: [WS_NOTE],
  },
  {
    title: 'Server CPU per echoed message, batching client (us, user + system of the server process, lower is better)',
    select: byGroup('echo', 'us', 'batch'),
    impls: [...SERVERS, 'socketio'],
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST],
    notes: ['"wspeer tick" spins its game loop while a round runs, so its CPU includes idle ticks'],
  },
  {
    title: 'Server CPU per echoed message, ws client (us, lower is better)',
    select: byGroup('echo', 'us', 'ws'),
    impls: SERVERS,
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST],
    notes: [],
  },
  {
    title:
      'Server memory per MiB in flight, large messages (MiB of JS heap + Buffers, peak during the window, lower is better)',
    select: byGroup('echo', 'MiB/MiB'),
    impls: SERVERS,
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST],
    notes: [
      'peak of (JS heap + external) sampled every 25 ms during the window, above the idle level after a full GC, divided by the MiB in flight; garbage not yet collected counts (the process holds it)',
    ],
  },
  {
    title: 'Node clients against the same server (msg/s, higher is better)',
    select: byGroup('client', 'msg/s'),
    impls: CLIENTS,
    best: BEST_WS_CLIENT,
    ratios: CLIENT_RATIOS,
    notes: [
      'each client in its own process on the client CPU; the server (wspeer autoPoll, among the fastest echo servers) on the other',
    ],
  },
  {
    title: 'Client CPU per echoed message (us, user + system of the client process, lower is better)',
    select: byGroup('client', 'us'),
    impls: CLIENTS,
    best: BEST_WS_CLIENT,
    ratios: CLIENT_RATIOS,
    notes: ['"wspeer client tick" spins its game loop while a round runs, so its CPU includes idle ticks'],
  },
  {
    title: 'Round trip (us, one connection, one 32 B binary message in flight, lower is better)',
    select: byGroup('rtt'),
    impls: [...SERVERS, 'socketio'],
    best: BEST_WS,
    ratios: [TICK_BEST, AUTO_BEST, AUTO_SIO],
    notes: ['timed on the client; a spinning game loop ("tick") never sleeps in epoll, which saves a wake-up'],
  },
  {
    title: 'Connection setup (connections/s, higher is better)',
    select: byGroup('connect'),
    impls: ['ws', 'wspeer-tick', 'wspeer-auto', 'socketio'],
    ratios: [TICK_WS, AUTO_WS, TICK_SIO, AUTO_SIO],
    notes: ['TCP connect + upgrade (+ Socket.IO open packet and namespace join) until the client may send'],
  },
  {
    title: 'Server memory per idle connection (KB, lower is better)',
    select: byGroup('memory'),
    impls: ['ws', 'wspeer-auto', 'socketio'],
    ratios: [AUTO_WS, AUTO_SIO],
    notes: ['server process growth after a full GC, fresh process per round; polling mode does not change memory'],
  },
  {
    title: 'Multiplayer relay, Godot 3 wire (relayed msg/s, higher is better)',
    select: byGroup('relay', 'msg/s'),
    impls: ['ws-bu', 'wspeer-tick', 'wspeer-auto'],
    ratios: [
      ['wspeer-tick', 'ws-bu', 'tick/ws+bu'],
      ['wspeer-auto', 'ws-bu', 'auto/ws+bu'],
    ],
    notes: ['"ws+bu" is the hand-written ws relay with the same header checks, with bufferutil'],
  },
  {
    title: 'Browser echo, measured inside a headless Chromium page (msg/s, higher is better)',
    select: byGroup('browser'),
    impls: ['page-ws', 'wspeer-page'],
    ratios: [['wspeer-page', 'page-ws', 'wspeer/page']],
    notes: ['both against the same Node `ws` echo server'],
  },
  REPLICATION_SECTION,
];

/** `median [min-max]` of one implementation's rounds, `-` when it did not run. */
function cell(values: number[] | undefined, unit: string): string {
  const finite = (values ?? []).filter(Number.isFinite);
  if (finite.length === 0) return values === undefined ? '-' : 'failed';
  const f = (v: number): string => formatValue(v, unit).replace(' KB', '');
  return `${f(median(finite))} [${f(Math.min(...finite))}-${f(Math.max(...finite))}]`;
}

function ratioCell(m: Measurement, a: ImplId, baseline: Baseline): string {
  const b = baselineIn(m, baseline);
  const ratio = b === undefined ? Number.NaN : pairedRatio(m.values[a], m.values[b]);
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-';
}

/** The result tables of a run: medians with min-max spread per implementation, and paired ratios. */
export function resultTables(measurements: readonly Measurement[]): Table[] {
  return SECTIONS.flatMap((section): Table[] => {
    const rows = measurements.filter(section.select);
    if (rows.length === 0) return [];
    const ran = (id: ImplId): boolean => rows.some((m) => m.values[id] !== undefined);
    const impls = section.impls.filter(ran);
    const ratios = section.ratios.filter(([a, b]) => ran(a) && (typeof b !== 'string' || ran(b)));
    const best = section.best;
    const mixedClients = new Set(rows.map((m) => m.client)).size > 1;
    const title = (m: Measurement): string =>
      `${m.title}${mixedClients && m.client !== undefined ? `, ${m.client} client` : ''}${m.errors.length > 0 ? ' (!)' : ''}`;
    return [
      {
        title: section.title,
        headers: [
          'scenario',
          ...impls.map((id) => implementation(id).label),
          ...(best === undefined ? [] : [best.label]),
          ...ratios.map(([, , label]) => label),
        ],
        rows: rows.map((m) => {
          const bestId = best === undefined ? undefined : bestOf(m, best.of);
          return [
            title(m),
            ...impls.map((id) => cell(m.values[id], m.unit)),
            ...(best === undefined ? [] : [bestId === undefined ? '-' : implementation(bestId).label]),
            ...ratios.map(([a, b]) => ratioCell(m, a, b)),
          ];
        }),
        notes: [
          ...section.notes,
          ...(best === undefined
            ? []
            : [
                `"${best.label}": whichever of ${best.of.map((id) => implementation(id).label).join(', ')} had the best median in that row; ratios against it are still medians of per-round pairs`,
              ]),
          ...(rows.some((m) => m.errors.length > 0)
            ? ['(!) problems were seen in some rounds: see "errors" below']
            : []),
        ],
      },
    ];
  });
}
