import type { Table } from './table.js';

const escapeCell = (cell: string): string => cell.replaceAll('|', '\\|');

/** Renders `table` as a Markdown section: a `###` title, the table, then its notes. */
export function renderMarkdownTable(table: Table): string {
  const header = `| ${table.headers.map(escapeCell).join(' | ')} |`;
  const align = `|${table.headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  const rows = table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  const notes = table.notes.length > 0 ? ['', ...table.notes.map((n) => `- ${n}`)] : [];
  return [`### ${table.title}`, '', header, align, ...rows, ...notes].join('\n');
}
