import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PckFile, writePck } from './pck-writer.js';

/** The test kit's Godot 4 probe projects: one folder per project, plus `shared/` packed into each. */
export const godot4ProjectsDir = fileURLToPath(new URL('../godot4/', import.meta.url));

/** Folder under the projects root whose files every pack gets, at `res://shared/`. */
export const GODOT4_SHARED_DIR = 'shared';

const CLASS_CACHE = '.godot/global_script_class_cache.cfg';
const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Builds the PCK of probe project `name` (the folder `root/name`): every file in it, recursively
 * (`.godot/` included), plus `root/shared/` at `res://shared/`, plus an empty global class cache
 * (`list=[]`) unless the project has one. Scripts stay plain text: the engine compiles them at load.
 */
export async function packGodot4Project(name: string, root = godot4ProjectsDir): Promise<Uint8Array> {
  if (!NAME.test(name) || name === GODOT4_SHARED_DIR) {
    throw new Error(`invalid Godot 4 project name "${name}" (a folder name of letters, digits, _ or -)`);
  }
  const dir = join(root, name);
  if (!existsSync(join(dir, 'project.godot'))) {
    throw new Error(`no Godot 4 project "${name}": ${join(dir, 'project.godot')} is missing`);
  }
  const files = await readTree(dir, '');
  const shared = join(root, GODOT4_SHARED_DIR);
  if (existsSync(shared)) files.push(...(await readTree(shared, `${GODOT4_SHARED_DIR}/`)));
  if (!files.some((f) => f.path === CLASS_CACHE)) {
    files.push({ path: CLASS_CACHE, data: new TextEncoder().encode('list=[]\n') });
  }
  return writePck(files);
}

/** Every file under `dir`, with its path relative to `dir` (forward slashes) behind `prefix`. */
export async function readTree(dir: string, prefix = ''): Promise<PckFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: PckFile[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await readTree(path, `${prefix}${entry.name}/`)));
    else if (entry.isFile()) files.push({ path: `${prefix}${entry.name}`, data: await readFile(path) });
  }
  return files;
}
