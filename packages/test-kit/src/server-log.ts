/** What a test server saw on one connection (keyed by the `id` query parameter). */
export interface ConnectionLog {
  opened: boolean;
  protocol: string;
  messages: number;
  closed: null | { code: number; reason: string; wasClean: boolean };
  closeRequest: null | { code: number; reason: string };
}

/** Fetches a test server's log of connection `id` over HTTP (works in Node and in browsers). */
export async function fetchLog(httpUrl: string, id: string): Promise<ConnectionLog | null> {
  const response = await fetch(`${httpUrl}/log?id=${encodeURIComponent(id)}`);
  if (response.status === 404) return null;
  return (await response.json()) as ConnectionLog;
}

/** A unique connection id for a test. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
