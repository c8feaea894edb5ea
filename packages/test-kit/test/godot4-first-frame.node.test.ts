/**
 * Regression: the 4.6 web build under `--headless` crashed in its first frame ("RuntimeError: null
 * function" thrown out of `callMain`) for some packs and argument lengths. Cause (engine, triggered by
 * our page): `platform/web/web_main.cpp` calls `DisplayServerWeb::get_singleton()->check_size_force_redraw()`
 * every frame; under `--headless` the singleton is a `DisplayServerHeadless`, so when the canvas size
 * differs from the loader's (0x0 at start) it reads `rect_changed_callback` from past the end of that
 * object and calls it when the garbage looks valid. Our page now gives headless engines a 0x0 canvas,
 * so the size never changes and that path never runs.
 *
 * The frozen `first_frame` probe crashed with the old 320x200 canvas for argument paddings 5-14 (url
 * fixed at `ws://127.0.0.1:1/`, a port Chromium refuses at once, so no server is needed); the sweep
 * covers 2-17 so a small shift of the window is still caught (checked: with the old page it fails
 * for 5-14, with the fix it passes).
 */
import { type Godot4Browser, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const BOOT_MS = 30_000;
const PADDINGS = Array.from({ length: 16 }, (_, i) => i + 2);
/** Pages booting at once (about 500 MiB each). */
const PARALLEL = 4;

let godot4: Godot4Browser;
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterEach(() => godot4.stopAll());
afterAll(() => godot4?.close());

describe('the Godot 4.6 page under --headless', () => {
  it('survives the first frame whatever the arguments (the canvas-size read past DisplayServerHeadless)', {
    timeout: 180_000,
  }, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < PADDINGS.length; i += PARALLEL) {
      const batch = PADDINGS.slice(i, i + PARALLEL);
      outcomes.push(...(await Promise.all(batch.map(run))));
    }
    expect(outcomes).toEqual(PADDINGS.map((n) => `${n}: ok`));
  });
});

/** One engine with `x=` plus `n` characters: `ok` once it ran past its first frames (its connection failed and it quit). */
async function run(n: number): Promise<string> {
  const args: Record<string, string> = { url: 'ws://127.0.0.1:1/' };
  if (n > 0) args.x = 'v'.repeat(n);
  const client = await godot4.start('first_frame', args, BOOT_MS);
  try {
    await client.waitFor('connection_failed', BOOT_MS);
    const exited = await client.exited;
    return `${n}: ${exited === 'exit 1' ? 'ok' : exited}`;
  } catch (error) {
    const crashed = client.output.some((line) => line.includes('null function'));
    return `${n}: ${crashed ? 'null function' : String(error).slice(0, 200)}`;
  } finally {
    await client.stop();
  }
}
