/**
 * `node apps/bench/dist/readme-table.js [latest.json]`: prints the summary table of the root
 * README (echo with both client kinds, Node clients, relay) from a run's JSON, so the README
 * shows the measured numbers of one run.
 */
import { readFileSync } from 'node:fs';
import { type ImplId, implementation, WS_CLIENTS, WS_SERVERS } from './implementations.js';
import type { Measurement } from './measurement.js';
import type { BenchReport } from './report/bench-report.js';
import { bestOf } from './report/best-of.js';
import { formatValue } from './report/format-value.js';
import { median, pairedRatio } from './stats.js';

/** Rows of the table: measurement id, and how to name the client. */
const ROWS: ReadonlyArray<[string, string]> = [
  ['echo/batch/32-binary/1x100', 'batching'],
  ['echo/ws/32-binary/1x100', 'ws, one write per message'],
  ['echo/batch/32-binary/100x1', 'batching (1 in flight: one write per message)'],
  ['echo/ws/32-binary/100x1', 'ws, one write per message'],
  ['echo/batch/4096-binary/1x100', 'batching'],
  ['echo/ws/4096-binary/1x100', 'ws, one write per message'],
  ['echo/batch/4096-binary/100x1', 'batching (1 in flight: one write per message)'],
  ['echo/ws/4096-binary/100x1', 'ws, one write per message'],
  ['echo/batch/65536-binary/1x100', 'batching'],
  ['echo/ws/1048576-binary/1x8', 'ws, one write per message'],
  ['relay/100', 'batching, Godot 3 wire (vs a hand-written ws relay with bufferutil)'],
];

const CLIENT_ROWS = [
  'client/32-binary/1x100',
  'client/32-binary/100x1',
  'client/4096-binary/100x1',
  'client/1048576-binary/1x8',
];

const ratio = (m: Measurement, a: ImplId, b: ImplId | undefined): string => {
  const r = b === undefined ? Number.NaN : pairedRatio(m.values[a], m.values[b]);
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : '-';
};
const value = (m: Measurement, id: ImplId | undefined): string =>
  id === undefined ? '-' : formatValue(median((m.values[id] ?? []).filter(Number.isFinite)), m.unit);

function table(report: BenchReport): string {
  const byId = new Map(report.measurements.map((m) => [m.id, m]));
  const lines = [
    '| scenario | client | ws (plain) | best tuned ws | wspeer (game loop) | wspeer (autoPoll) | game loop / best ws | autoPoll / best ws |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [id, client] of ROWS) {
    const m = byId.get(id);
    if (m === undefined) continue;
    const relay = m.group === 'relay';
    const best = relay ? 'ws-bu' : bestOf(m, WS_SERVERS);
    const bestLabel = best === undefined ? '-' : `${value(m, best)} (${implementation(best).label})`;
    lines.push(
      `| ${m.title} | ${client} | ${relay ? '-' : value(m, 'ws')} | ${bestLabel} | ${value(m, 'wspeer-tick')} | ${value(m, 'wspeer-auto')} | ${ratio(m, 'wspeer-tick', best)} | ${ratio(m, 'wspeer-auto', best)} |`,
    );
  }
  for (const id of CLIENT_ROWS) {
    const m = byId.get(id);
    if (m === undefined) continue;
    const best = bestOf(m, WS_CLIENTS);
    const bestLabel = best === undefined ? '-' : `${value(m, best)} (${implementation(best).label})`;
    lines.push(
      `| Node client: ${m.title} | the client itself | ${value(m, 'client-ws')} | ${bestLabel} | ${value(m, 'client-wspeer-tick')} | ${value(m, 'client-wspeer-auto')} | ${ratio(m, 'client-wspeer-tick', best)} | ${ratio(m, 'client-wspeer-auto', best)} |`,
    );
  }
  return lines.join('\n');
}

const path = process.argv[2] ?? 'bench-results/latest.json';
console.log(table(JSON.parse(readFileSync(path, 'utf8')) as BenchReport));
