import { getHeapStatistics } from 'node:v8';

/**
 * Memory a process holds for JavaScript: its JS heap plus external memory (Buffers live there).
 * `v8.getHeapStatistics()` costs under 1 us; `process.memoryUsage()` also reads the RSS and costs
 * several times more.
 */
export function heldBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

const PERIOD_MS = 25;

/**
 * Samples {@link heldBytes} every 25 ms while running and keeps the highest value, so a round can
 * report how much memory its messages in flight took (garbage not yet collected included: that is
 * memory the process holds too). Runs only in rounds that report memory (large messages).
 */
export class MemorySampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly sample = (): void => {
    const held = heldBytes();
    if (held > this.peak) this.peak = held;
  };

  /** Starts sampling (again), with the peak reset to now. */
  start(): void {
    this.stop();
    this.peak = heldBytes();
    this.timer = setInterval(this.sample, PERIOD_MS);
  }

  /** Stops sampling. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The highest value since the last call (or `start`); the next period starts from now. */
  takePeak(): number {
    this.sample();
    const peak = this.peak;
    this.peak = heldBytes();
    return peak;
  }
}
