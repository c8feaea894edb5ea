/** Formats a value of `unit` compactly: `148k` msg/s, `61.2` us, `6.31 KB` for bytes. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'B') return `${(value / 1024).toFixed(2)} KB`;
  if (unit === 'MiB/MiB') return value.toFixed(2);
  if (unit === 'us') return value >= 100 ? value.toFixed(0) : value.toFixed(1);
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(value >= 100 ? 0 : 1);
}
