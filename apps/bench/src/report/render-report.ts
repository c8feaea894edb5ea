import type { BenchReport } from './bench-report.js';
import { renderMarkdownTable } from './render-markdown-table.js';
import { renderTextTable } from './render-text-table.js';
import { resultTables } from './result-tables.js';
import { targetTable } from './target-table.js';

function errorLines(report: BenchReport): string[] {
  return report.measurements.flatMap((m) => [...new Set(m.errors)].map((e) => `${m.title}: ${e}`));
}

/** The report for the terminal: who drives what, result tables, targets, errors. */
export function renderTextReport(report: BenchReport): string {
  const setup = [
    ...Object.entries(report.setup.clients).map(([kind, text]) => `Client (${kind}): ${text}.`),
    'Cells: median [min-max] over the rounds; ratio columns: median of the per-round ratios.',
  ].join('\n');
  const tables = [...resultTables(report.measurements), targetTable(report.targets)].map(renderTextTable);
  const errors = errorLines(report);
  const errorBlock = errors.length > 0 ? [`errors:\n${errors.map((e) => `  ${e}`).join('\n')}`] : [];
  return [setup, ...tables, ...errorBlock].join('\n\n');
}

/**
 * The line that starts the hand-written part of `RESULTS.md` (where the time goes in the cells that
 * miss a target, read from CPU profiles): a full run keeps everything from it on.
 */
export const NOTES_MARKER = '<!-- hand-written below: kept by pnpm bench -->';

/** The hand-written notes of an existing `RESULTS.md` (from {@link NOTES_MARKER} on), or `''`. */
export function handWrittenNotes(markdown: string): string {
  const at = markdown.indexOf(NOTES_MARKER);
  return at < 0 ? '' : markdown.slice(at).trimEnd();
}

/** The report as `apps/bench/RESULTS.md`, followed by `notes` (see {@link handWrittenNotes}). */
export function renderMarkdownReport(report: BenchReport, notes = ''): string {
  const m = report.machine;
  const o = report.options;
  const errors = errorLines(report);
  return [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (a full run). Only ratios from the same run are meaningful: the machine',
    'is shared and noisy. See [README.md](README.md) for what each scenario measures.',
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}`,
    `- Node ${m.node}; run took ${Math.round(report.seconds)} s`,
    `- ${o.rounds} alternating rounds per scenario (memory: ${o.memoryRounds}), ${o.warmupMs} ms warm-up, ${o.durationMs} ms windows (round trip: ${o.rttDurationMs} ms)`,
    ...Object.entries(report.setup.clients).map(([kind, text]) => `- Client (${kind}): ${text}`),
    '',
    'Cells are `median [min-max]` over the rounds; ratio columns are medians of the per-round ratios.',
    '',
    ...resultTables(report.measurements).flatMap((t) => [renderMarkdownTable(t), '']),
    renderMarkdownTable(targetTable(report.targets)),
    '',
    '### Implementations',
    '',
    ...Object.entries(report.setup.implementations).map(([label, text]) => `- **${label}**: ${text}`),
    ...(errors.length > 0 ? ['', '### Errors', '', ...errors.map((e) => `- ${e}`)] : []),
    ...(notes === '' ? [] : ['', notes]),
    '',
  ].join('\n');
}
