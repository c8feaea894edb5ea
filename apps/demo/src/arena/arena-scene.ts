import { replicatedScene } from 'wspeer/scene';
import { godot4Color, godot4CoreCodec, godot4Vector2, withTypes } from 'wspeer/variant';

/**
 * The Variant codec the arena's SceneMultiplayer needs: the core types plus the two its properties
 * declare, Vector2 and Color (a build carries only these; `godot4Codec` would carry every type).
 */
export const ARENA_CODEC = withTypes(godot4CoreCodec, godot4Vector2, godot4Color);

/** The arena's size in pixels (the server's `ARENA_WIDTH` / `ARENA_HEIGHT`). */
export const ARENA_WIDTH = 640;
/** The arena's height in pixels. */
export const ARENA_HEIGHT = 400;

/**
 * The arena's `res://player.tscn`, declared as the server (`apps/server/src/arena-scene.ts`) and the
 * Godot 4 `arena` probe declare it: `ServerSync` (position ALWAYS, color ON_CHANGE) belongs to the
 * server; `InputSync` (input, ALWAYS, not spawned) to the player the dot is named after.
 */
export const arenaPlayerScene = replicatedScene('res://player.tscn', {
  ServerSync: {
    properties: {
      position: { path: '.:position', type: 'Vector2' },
      color: { path: '.:color', type: 'Color', mode: 'on_change' },
    },
  },
  InputSync: {
    properties: { input: { path: '.:input', type: 'Vector2', spawn: false } },
    authority: (node) => Number(node.name),
    // The server is the only one that needs our input; browsers send it 30 times a second.
    replicationInterval: 1 / 30,
  },
});
