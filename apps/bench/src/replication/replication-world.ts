/** Entities of the replication benchmark. */
export const ENTITIES = 100;
/** Server ticks per second. */
export const TICK_HZ = 30;

/** One entity's state: what both servers send. */
export interface Entity {
  id: number;
  x: number;
  y: number;
  hp: number;
}

/**
 * The benchmark's world, the same for every implementation: `ENTITIES` entities circling the
 * middle of a 640x400 arena at different speeds (every position changes every tick), and one hit
 * point lost by one entity every 10 ticks (a value that changes rarely).
 */
export class ReplicationWorld {
  /** The entities, updated in place by {@link ReplicationWorld.step}. */
  readonly entities: Entity[] = Array.from({ length: ENTITIES }, (_, id) => ({ id, x: 0, y: 0, hp: 100 }));
  #tick = 0;

  constructor() {
    this.step();
  }

  /** Ticks so far. */
  get tick(): number {
    return this.#tick;
  }

  /** Advances one tick. */
  step(): void {
    const t = ++this.#tick / TICK_HZ;
    for (const e of this.entities) {
      const angle = e.id * 0.7 + t * (0.5 + (e.id % 7) * 0.1);
      e.x = 320 + Math.cos(angle) * (80 + e.id * 2);
      e.y = 200 + Math.sin(angle) * (50 + e.id);
    }
    if (this.#tick % 10 === 0) {
      const e = this.entities[(this.#tick / 10) % ENTITIES] as Entity;
      e.hp = e.hp > 1 ? e.hp - 1 : 100;
    }
  }
}
