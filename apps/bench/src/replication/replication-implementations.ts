import type { Implementation } from '../implementation.js';

/** The columns of the replication scenario. */
export const REPLICATION_IMPLEMENTATIONS: readonly Implementation[] = [
  {
    id: 'wspeer-replication',
    label: 'wspeer replication',
    description:
      'wspeer as a Godot 4 server: `SceneMultiplayer` + `SceneReplicationInterface`, a spawned node per entity (position ALWAYS, hp ON_CHANGE), `process()` each tick: SYNCs (Godot 4.6 bytes, at most 1350 B each) and deltas',
  },
  {
    id: 'json-ws',
    label: 'JSON ws',
    description:
      'raw `ws`: `JSON.stringify({tick, entities: [{id, x, y, hp}]})` once per tick, the same string sent to every client',
  },
  {
    id: 'json-ws-compact',
    label: 'JSON ws compact',
    description: 'the same with arrays and positions rounded to 0.01: `[tick, [[id, x, y, hp], ...]]`',
  },
];
