import { msg } from '@wspeer/core';
import { scenePathKey } from './scene-path-key.js';

/**
 * The path (relative to the root, as `scenePathKey` gives) that NodePath `target` names when read
 * from node `from`: `"../Players"` from `"Main/Spawner"` is `"Main/Players"`; an absolute path
 * (`"/root/Main/Players"`) is taken from the root. Throws when `..` climbs above the root.
 */
export function resolveNodePath(from: string, target: string, rootPath = '/root'): string {
  if (target.startsWith('/')) return scenePathKey(target, rootPath);
  const parts = from === '' ? [] : from.split('/');
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new Error(msg`node path "${target}" from "${from}" climbs above the root`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
