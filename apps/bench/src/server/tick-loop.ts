/** Between rounds a ticking server idles at this period (50 Hz). */
const IDLE_PERIOD_MS = 20;

/**
 * A game server's main loop: calls `tick` once per event-loop turn (`setImmediate`) while active,
 * so everything that arrived during one turn is applied by one `poll()` and answered in one write
 * per connection; every 20 ms while idle, so an idle process does not spin.
 */
export class TickLoop {
  private active = false;
  private immediate: NodeJS.Immediate | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly run = (): void => {
    this.immediate = undefined;
    this.timer = undefined;
    this.tick();
    this.schedule();
  };

  constructor(private readonly tick: () => void) {
    this.schedule();
  }

  /** Switches between ticking every turn (`true`) and idling. */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    this.schedule();
  }

  private schedule(): void {
    if (this.active) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, IDLE_PERIOD_MS);
  }
}
