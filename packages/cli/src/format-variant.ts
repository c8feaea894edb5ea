/**
 * A decoded Godot Variant as GDScript would print it, roughly: strings quoted, arrays in
 * brackets, dictionaries in braces, value classes by their `toString()` (`Vector2(1, 2)`), byte
 * arrays by size. Bounded: long arrays and deep nesting are cut, so a hostile packet cannot make a
 * huge line.
 */
export function formatVariant(value: unknown, depth = 0): string {
  return shortFloats(format(value, depth));
}

/**
 * Godot sends most floats as float32; as doubles they print with noise (`0.10000000149011612`).
 * Each long decimal that is exactly a float32 is shown with the fewest digits that give that
 * float32 back (`0.1`), as Godot prints it. Other numbers are left as they are.
 */
function shortFloats(text: string): string {
  return text.replace(/-?\d+\.\d{9,}/g, (digits) => {
    const value = Number(digits);
    if (Math.fround(value) !== value) return digits;
    for (let precision = 1; precision <= 9; precision++) {
      const short = Number(value.toPrecision(precision));
      if (Math.fround(short) === value) return String(short);
    }
    return digits;
  });
}

function format(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}...` : value);
  if (typeof value !== 'object') return String(value);
  if (depth > 4) return '...';
  if (value instanceof Uint8Array) return `PoolByteArray(${value.byteLength} B)`;
  if (value instanceof Int32Array) return `PoolIntArray(${list([...value.slice(0, 16)], depth, value.length)})`;
  if (value instanceof Float32Array) return `PoolRealArray(${list([...value.slice(0, 16)], depth, value.length)})`;
  if (Array.isArray(value)) return `[${list(value.slice(0, 16), depth, value.length)}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()]
      .slice(0, 16)
      .map(([k, v]) => `${format(k, depth + 1)}: ${format(v, depth + 1)}`);
    return `{${entries.join(', ')}${value.size > 16 ? ', ...' : ''}}`;
  }
  return String(value);
}

function list(items: readonly unknown[], depth: number, total: number): string {
  const shown = items.map((item) => format(item, depth + 1)).join(', ');
  return total > items.length ? `${shown}, ... (${total})` : shown;
}
