import { ARENA_HEIGHT, ARENA_WIDTH } from './arena-scene.ts';
import type { ArenaDot } from './arena-session.ts';

const RADIUS = 12;

/**
 * Draws the arena on its canvas (dots in their colors, ours ringed) and keeps the list of players
 * under it current: each item carries `data-id`, `data-x`, `data-y` for tests and screen readers.
 */
export class ArenaView {
  readonly #canvas: HTMLCanvasElement;
  readonly #list: HTMLOListElement;
  #listed = '';

  constructor(canvas: HTMLCanvasElement, list: HTMLOListElement) {
    this.#canvas = canvas;
    this.#list = list;
    canvas.width = ARENA_WIDTH;
    canvas.height = ARENA_HEIGHT;
  }

  /** Draws `dots` (and refreshes the list when a dot moved by a pixel or more). */
  render(dots: readonly ArenaDot[]): void {
    const g = this.#canvas.getContext('2d');
    if (g !== null) {
      g.fillStyle = '#10151c';
      g.fillRect(0, 0, ARENA_WIDTH, ARENA_HEIGHT);
      g.strokeStyle = '#24303d';
      g.lineWidth = 1;
      for (let x = 40; x < ARENA_WIDTH; x += 40) line(g, x, 0, x, ARENA_HEIGHT);
      for (let y = 40; y < ARENA_HEIGHT; y += 40) line(g, 0, y, ARENA_WIDTH, y);
      for (const dot of dots) {
        g.beginPath();
        g.arc(dot.x, dot.y, RADIUS, 0, Math.PI * 2);
        g.fillStyle = dot.color;
        g.fill();
        if (dot.mine) {
          g.lineWidth = 3;
          g.strokeStyle = '#ffffff';
          g.stroke();
        }
      }
    }
    const key = dots.map((d) => `${d.id}:${Math.round(d.x)}:${Math.round(d.y)}:${d.mine}`).join('|');
    if (key === this.#listed) return;
    this.#listed = key;
    const doc = this.#list.ownerDocument;
    this.#list.replaceChildren(
      ...dots.map((dot) => {
        const item = doc.createElement('li');
        item.dataset.id = String(dot.id);
        item.dataset.x = String(Math.round(dot.x));
        item.dataset.y = String(Math.round(dot.y));
        const swatch = doc.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = dot.color;
        item.append(swatch, `#${dot.id}${dot.mine ? ' (you)' : ''} at ${Math.round(dot.x)}, ${Math.round(dot.y)}`);
        return item;
      }),
    );
  }
}

function line(g: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
  g.beginPath();
  g.moveTo(x1, y1);
  g.lineTo(x2, y2);
  g.stroke();
}
