import { Vector2 } from 'wspeer/variant';
import { ARENA_HEIGHT, ARENA_WIDTH } from './arena-scene.ts';

const KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Where the player wants to go: arrow keys (held keys add up), or a finger / pointer held on the
 * arena (towards it from our dot). `direction(from)` gives a vector of length 0 or 1.
 */
export class ArenaInput {
  readonly #held = new Set<string>();
  #pointer: { x: number; y: number } | null = null;
  /** Whether input is taken at all (the arena tab is shown and we are playing). */
  enabled = false;

  /** Listens for keys on `doc` and pointers on `canvas`. */
  constructor(doc: Document, canvas: HTMLCanvasElement) {
    doc.addEventListener('keydown', (event) => {
      if (!this.enabled || !(event.key in KEYS) || isTyping(event.target)) return;
      event.preventDefault();
      this.#held.add(event.key);
    });
    doc.addEventListener('keyup', (event) => this.#held.delete(event.key));
    doc.defaultView?.addEventListener('blur', () => this.#held.clear());
    const aim = (event: PointerEvent): void => {
      const box = canvas.getBoundingClientRect();
      this.#pointer = {
        x: ((event.clientX - box.left) / box.width) * ARENA_WIDTH,
        y: ((event.clientY - box.top) / box.height) * ARENA_HEIGHT,
      };
    };
    canvas.addEventListener('pointerdown', (event) => {
      if (!this.enabled) return;
      event.preventDefault();
      try {
        canvas.setPointerCapture(event.pointerId);
      } catch {
        // A synthetic pointer cannot be captured; moves outside the canvas are then not followed.
      }
      aim(event);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (this.#pointer !== null) aim(event);
    });
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) {
      canvas.addEventListener(type, () => {
        this.#pointer = null;
      });
    }
  }

  /** The wanted direction, from our dot at `from` (length 0 or 1). */
  direction(from: Vector2 | undefined): Vector2 {
    let x = 0;
    let y = 0;
    for (const key of this.#held) {
      const [dx, dy] = KEYS[key] as [number, number];
      x += dx;
      y += dy;
    }
    if (x === 0 && y === 0 && this.#pointer !== null && from !== undefined) {
      x = this.#pointer.x - from.x;
      y = this.#pointer.y - from.y;
      if (Math.hypot(x, y) < 4) return new Vector2();
    }
    const length = Math.hypot(x, y);
    return length === 0 ? new Vector2() : new Vector2(x / length, y / length);
  }
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}
