/**
 * The form in which SceneMultiplayer node paths travel and are looked up: relative to the root path
 * (`/root` by default), without leading or trailing slashes (`"/root/Main/Game"` -> `"Main/Game"`).
 * Linear in the path's length whatever its slashes (a remote peer chooses received paths).
 */
export function scenePathKey(path: string, rootPath = '/root'): string {
  let start = 0;
  let end = path.length;
  if (rootPath !== '' && path.startsWith(rootPath)) {
    const after = rootPath.length;
    if (after === end) return '';
    if (path.charCodeAt(after) === 47) start = after;
  }
  while (start < end && path.charCodeAt(start) === 47) start++;
  while (end > start && path.charCodeAt(end - 1) === 47) end--;
  return start === 0 && end === path.length ? path : path.slice(start, end);
}
