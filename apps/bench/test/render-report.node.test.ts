/**
 * A full bench run rewrites RESULTS.md from the run, but keeps its hand-written notes (where the
 * time goes in the cells that miss a target): they are read from the old file and appended.
 */
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/report/bench-report.js';
import { handWrittenNotes, NOTES_MARKER, renderMarkdownReport } from '../src/report/render-report.js';

const report: BenchReport = {
  machine: { date: '2026-01-01T00:00:00.000Z', nproc: 2, cpuModel: 'test CPU', memoryGiB: 1, os: 'linux', node: 'v20' },
  options: { rounds: 1, memoryRounds: 1, warmupMs: 1, durationMs: 1, rttDurationMs: 1 },
  seconds: 1,
  setup: { clients: {}, implementations: {} },
  measurements: [],
  targets: [],
} as unknown as BenchReport;

describe('RESULTS.md hand-written notes', () => {
  it('are kept from the marker on when the report is rewritten', () => {
    const notes = `${NOTES_MARKER}\n\n## Where the time goes\n\n- 1 MiB: writev.`;
    const old = `# Benchmark results\n\nold tables\n\n${notes}\n`;
    const kept = handWrittenNotes(old);
    expect(kept).toBe(notes);
    const rewritten = renderMarkdownReport(report, kept);
    expect(rewritten).not.toContain('old tables');
    expect(rewritten.endsWith(`${notes}\n`)).toBe(true);
    expect(handWrittenNotes(rewritten)).toBe(notes);
  });

  it('are empty without the marker, and the report then ends with its own sections', () => {
    expect(handWrittenNotes('# Benchmark results\n\n### Implementations\n')).toBe('');
    expect(renderMarkdownReport(report, '')).not.toContain(NOTES_MARKER);
  });
});
