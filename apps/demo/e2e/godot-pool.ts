import { type GodotProcess, startGodot } from '@wspeer/test-kit/node';

/** Every Godot process is killed after this long at the latest, whatever the script does. */
const HARD_LIMIT_MS = 30_000;

/**
 * The headless Godot 3 processes of one spec file: `start` bounds each one in time (the script's
 * `--lifetime` and a hard kill), `stopAll` (from `afterEach`) ends them and waits for them to exit.
 */
export class GodotPool {
  private readonly running: GodotProcess[] = [];

  /** Starts `script` of the test kit's Godot project with `--key=value` arguments. */
  start(script: string, args: Record<string, string | number | boolean>): GodotProcess {
    const godot = startGodot(script, { lifetime: 25, ...args }, HARD_LIMIT_MS);
    this.running.push(godot);
    return godot;
  }

  /** Stops every process started since the last call. */
  async stopAll(): Promise<void> {
    const all = this.running.splice(0);
    await Promise.all(all.map((godot) => godot.stop()));
  }
}
