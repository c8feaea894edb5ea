import type { Section } from '../report/section.js';

/** The report table of the replication scenario. */
export const REPLICATION_SECTION: Section = {
  title: 'Replication: 100 entities to 100 peers at 30 Hz (lower is better)',
  select: (m) => m.group === 'replication',
  impls: ['wspeer-replication', 'json-ws', 'json-ws-compact'],
  ratios: [
    ['wspeer-replication', 'json-ws', 'wspeer/json'],
    ['wspeer-replication', 'json-ws-compact', 'wspeer/compact'],
  ],
  notes: [
    'CPU: user + system of the server process over the window, per tick; bytes: WebSocket payload received per client; tick time: from the tick to the event loop being free again (queued sends included)',
    'wspeer sends what a Godot 4 client reads: each position as a SYNC entry (id, size, Variant: 20 B), hp only when it changes',
  ],
};
