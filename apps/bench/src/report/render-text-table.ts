import type { Table } from './table.js';

/** Renders `table` for a terminal: padded columns, first one left-aligned, the others right. */
export function renderTextTable(table: Table): string {
  const all = [table.headers, ...table.rows];
  const widths = table.headers.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]): string =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [table.title, line(table.headers), rule, ...table.rows.map(line), ...table.notes.map((n) => `  ${n}`)].join(
    '\n',
  );
}
