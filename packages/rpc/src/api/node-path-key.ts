/**
 * The form in which node paths travel and are looked up: relative to the MultiplayerAPI root
 * (`/root`), without leading or trailing slashes (`"/root/Main/Game"` -> `"Main/Game"`).
 */
export function nodePathKey(path: string): string {
  let p = path.trim();
  if (p.startsWith('/root/')) p = p.slice(6);
  else if (p === '/root') p = '';
  return p.replace(/^\/+|\/+$/g, '');
}
