import type { MultiplayerSpawner } from 'wspeer/scene';
import { Color, Vector2 } from 'wspeer/variant';
import { ARENA_HEIGHT, ARENA_SPEED, ARENA_WIDTH, type arenaPlayerScene } from './arena-scene.js';

type ArenaValues = NonNullable<(typeof arenaPlayerScene)['_values']>;

/** Where dots start: spread around the middle of the arena by id. */
function startSpot(id: number): Vector2 {
  const angle = (id % 360) * (Math.PI / 180);
  return new Vector2(ARENA_WIDTH / 2 + Math.cos(angle) * 120, ARENA_HEIGHT / 2 + Math.sin(angle) * 80);
}

/** A bright color per id (golden-ratio hues). */
export function arenaColor(id: number): Color {
  const hue = (id * 0.618033988749895) % 1;
  const [r, g, b] = [0, 2 / 3, 1 / 3].map((shift) => 0.5 + 0.45 * Math.cos(2 * Math.PI * (hue + shift)));
  return new Color(r, g, b, 1);
}

/** A player's input, made safe: finite components, length at most 1 (clients send what they like). */
export function saneInput(input: Vector2 | undefined): Vector2 {
  if (input === undefined || !Number.isFinite(input.x) || !Number.isFinite(input.y)) return new Vector2();
  const length = Math.hypot(input.x, input.y);
  return length > 1 ? new Vector2(input.x / length, input.y / length) : input;
}

/**
 * The arena's rules, run by the server only (it is the authority of every dot's position): a dot
 * per peer, spawned when it joins and despawned when it leaves; each tick moves every dot by its
 * player's replicated input, inside the walls.
 */
export class ArenaWorld {
  readonly #spawner: MultiplayerSpawner<ArenaValues>;

  /** The world of `spawner`'s dots. */
  constructor(spawner: MultiplayerSpawner<ArenaValues>) {
    this.#spawner = spawner;
  }

  /** A dot for peer `id`. */
  join(id: number): void {
    this.#spawner.spawn(0, String(id), { values: { position: startSpot(id), color: arenaColor(id) } });
  }

  /** Removes peer `id`'s dot. */
  leave(id: number): void {
    const node = this.#spawner.getNodes().find((n) => n.name === String(id));
    if (node !== undefined) this.#spawner.despawn(node);
  }

  /** Moves every dot by its input for `seconds`. */
  step(seconds: number): void {
    for (const node of this.#spawner.getNodes()) {
      const input = saneInput(node.get('input'));
      if (input.x === 0 && input.y === 0) continue;
      const at = node.get('position');
      const x = Math.min(ARENA_WIDTH, Math.max(0, at.x + input.x * ARENA_SPEED * seconds));
      const y = Math.min(ARENA_HEIGHT, Math.max(0, at.y + input.y * ARENA_SPEED * seconds));
      node.set('position', new Vector2(x, y));
    }
  }

  /** The dots: id, position, color. */
  players(): Array<{ id: number; x: number; y: number; color: Color }> {
    return this.#spawner.getNodes().map((n) => {
      const p = n.get('position');
      return { id: Number(n.name), x: p.x, y: p.y, color: n.get('color') };
    });
  }
}
