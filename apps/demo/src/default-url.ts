/** The WebSocket URL of an endpoint on the server that served this page (`?server=` overrides). */
export function defaultUrl(path: string): string {
  const override = new URLSearchParams(location.search).get('server');
  if (override) return `${override.replace(/\/$/, '')}${path}`;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}
