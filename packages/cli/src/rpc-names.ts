import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The `@rpc` function names of a GDScript file: Godot 4 numbers a node's RPCs by these names,
 * sorted, and sends only the numbers, so a room decoder needs them to print method names.
 */
export function rpcNamesOfScript(source: string): string[] {
  const names: string[] = [];
  const annotated = /@rpc\b(?:\s*\([^)]*\))?\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:static\s+)?func\s+([A-Za-z_]\w*)/g;
  for (const match of source.matchAll(annotated)) names.push(match[1] as string);
  return names;
}

/**
 * Reads a names file for `--names`: a JSON object from node path (relative to `/root`, as Godot
 * sends it, e.g. `"Main"`) to either a list of the node's `@rpc` method names or the path of its
 * GDScript file (relative to the JSON file). Throws with a message for a person when the file is
 * unreadable or malformed.
 */
export function loadRpcNames(file: string): Map<string, string[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the names file ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`the names file ${file} must be a JSON object: { "Main": ["hello", ...] or "main.gd" }`);
  }
  const names = new Map<string, string[]>();
  for (const [path, value] of Object.entries(parsed)) {
    if (typeof value === 'string') {
      const script = resolve(dirname(file), value);
      try {
        names.set(path, rpcNamesOfScript(readFileSync(script, 'utf8')));
      } catch (error) {
        throw new Error(`cannot read ${script} (for node ${path}): ${(error as Error).message}`);
      }
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      names.set(path, value as string[]);
    } else {
      throw new Error(`node ${path} in ${file}: give a list of method names or a .gd file`);
    }
  }
  return names;
}
