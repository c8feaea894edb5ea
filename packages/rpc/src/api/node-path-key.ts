const SLASH = 0x2f;

/**
 * The form in which node paths travel and are looked up: relative to the MultiplayerAPI root
 * (`/root`), without leading or trailing slashes (`"/root/Main/Game"` -> `"Main/Game"`). Linear in
 * the path's length whatever it holds (paths come from remote peers: a regular expression that
 * backtracks over a long run of slashes took seconds per packet).
 */
export function nodePathKey(path: string): string {
  let p = path.trim();
  if (p.startsWith('/root/')) p = p.slice(6);
  else if (p === '/root') p = '';
  let start = 0;
  let end = p.length;
  while (start < end && p.charCodeAt(start) === SLASH) start++;
  while (end > start && p.charCodeAt(end - 1) === SLASH) end--;
  return start === 0 && end === p.length ? p : p.slice(start, end);
}
