/** What the bench page is told to run (served as `/config`). */
export interface BrowserBenchConfig {
  /** The Node echo server both implementations talk to. */
  echoUrl: string;
  rounds: number;
  warmupMs: number;
  durationMs: number;
  /** Payload bytes (binary). */
  size: number;
  /** Messages in flight, one workload each. */
  windows: number[];
}

/** What the page posts back to `/results`. */
export interface BrowserBenchResult {
  /** Per window (as a string key), per implementation id, messages/s per round. */
  rates: Record<string, Record<string, number[]>>;
  /** The page's user agent. */
  userAgent: string;
  errors: string[];
}
