import type { Group } from '../bench-options.js';
import { type ImplId, implementation } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { REPLICATION_SECTION } from '../replication/replication-section.js';
import { median, pairedRatio } from '../stats.js';
import { formatValue } from './format-value.js';
import type { Table } from './table.js';

/** One table of the report: which measurements, which columns, which ratios. */
export interface Section {
  title: string;
  select: (m: Measurement) => boolean;
  impls: ImplId[];
  ratios: Array<[ImplId, ImplId, string]>;
  notes: string[];
}

const TICK_WS: [ImplId, ImplId, string] = ['wspeer-tick', 'ws', 'tick/ws'];
const AUTO_WS: [ImplId, ImplId, string] = ['wspeer-auto', 'ws', 'auto/ws'];
const TICK_SIO: [ImplId, ImplId, string] = ['wspeer-tick', 'socketio', 'tick/sio'];
const AUTO_SIO: [ImplId, ImplId, string] = ['wspeer-auto', 'socketio', 'auto/sio'];
const ECHO = ['ws', 'wspeer-tick', 'wspeer-auto', 'socketio'] as ImplId[];
const byGroup =
  (group: Group, unit?: string) =>
  (m: Measurement): boolean =>
    m.group === group && (unit === undefined || m.unit === unit);

const SECTIONS: Section[] = [
  {
    title: 'Echo throughput (msg/s, higher is better)',
    select: byGroup('echo', 'msg/s'),
    impls: ECHO,
    ratios: [TICK_WS, AUTO_WS, TICK_SIO, AUTO_SIO],
    notes: [
      'every echo received sends the next message, so "x 100 in flight" keeps 100 messages queued per connection',
    ],
  },
  {
    title: 'Server CPU per echoed message (us, user + system of the server process, lower is better)',
    select: byGroup('echo', 'us'),
    impls: ECHO,
    ratios: [TICK_WS, AUTO_WS, AUTO_SIO],
    notes: ['"wspeer tick" spins its game loop while a round runs, so its CPU includes idle ticks'],
  },
  {
    title: 'Round trip (us, one connection, one 32 B binary message in flight, lower is better)',
    select: byGroup('rtt'),
    impls: ECHO,
    ratios: [TICK_WS, AUTO_WS, TICK_SIO, AUTO_SIO],
    notes: ['timed on the client; a spinning game loop ("tick") never sleeps in epoll, which saves a wake-up'],
  },
  {
    title: 'Connection setup (connections/s, higher is better)',
    select: byGroup('connect'),
    impls: ECHO,
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
    impls: ['ws', 'wspeer-tick', 'wspeer-auto'],
    ratios: [TICK_WS, AUTO_WS],
    notes: ['"ws" is the hand-written ws relay with the same header checks'],
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

function ratioCell(m: Measurement, a: ImplId, b: ImplId): string {
  const ratio = pairedRatio(m.values[a], m.values[b]);
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-';
}

/** The result tables of a run: medians with min-max spread per implementation, and paired ratios. */
export function resultTables(measurements: readonly Measurement[]): Table[] {
  return SECTIONS.flatMap((section): Table[] => {
    const rows = measurements.filter(section.select);
    if (rows.length === 0) return [];
    return [
      {
        title: section.title,
        headers: [
          'scenario',
          ...section.impls.map((id) => implementation(id).label),
          ...section.ratios.map(([, , label]) => label),
        ],
        rows: rows.map((m) => [
          m.errors.length > 0 ? `${m.title} (!)` : m.title,
          ...section.impls.map((id) => cell(m.values[id], m.unit)),
          ...section.ratios.map(([a, b]) => ratioCell(m, a, b)),
        ]),
        notes: [
          ...section.notes,
          ...(rows.some((m) => m.errors.length > 0)
            ? ['(!) problems were seen in some rounds: see "errors" below']
            : []),
        ],
      },
    ];
  });
}
