import { replicatedScene } from 'wspeer/scene';
import { godot4Color, godot4CoreCodec, godot4Vector2, withTypes } from 'wspeer/variant';

/**
 * The Variant codec the arena's SceneMultiplayer needs: the core types plus the two its properties
 * declare, Vector2 and Color (a build carries only these; `godot4Codec` would carry every type).
 */
export const ARENA_CODEC = withTypes(godot4CoreCodec, godot4Vector2, godot4Color);

/** The arena's size in pixels (Godot's `arena.gd` uses the same). */
export const ARENA_WIDTH = 640;
/** The arena's height in pixels. */
export const ARENA_HEIGHT = 400;
/** Server ticks per second: movement steps and replication SYNCs. */
export const ARENA_TICK_HZ = 30;
/** How fast a dot moves at full input, in pixels per second. */
export const ARENA_SPEED = 180;

/**
 * `res://player.tscn` of the arena: a dot named after its peer id with two stock synchronizers.
 * `ServerSync` (the server's): position (ALWAYS) and color (ON_CHANGE), both spawn properties.
 * `InputSync` (the player's own, authority = the peer its name says): `input`, the direction it wants
 * to move in, ALWAYS, not a spawn property. The same declaration is in the demo page and in the
 * test kit's Godot 4 `arena` probe (`player.tscn`): names, order and modes must match.
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
  },
});
