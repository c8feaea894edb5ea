/** What an attack target reports (see `attack-target.ts`). */
export interface TargetStats {
  /** The target's own `stats()`: per endpoint `ServerStats`, and the RPC layer's. */
  server: Record<string, unknown>;
  /** JS heap in use after two full GCs, MiB. */
  heapUsedMB: number;
  /** Resident set size, MiB. */
  rssMB: number;
  /** Open file descriptors. */
  openFiles: number;
  /** Log lines written since start. */
  logLines: number;
  /** Log characters written since start. */
  logChars: number;
  /** Worst event-loop delay since the previous report, ms. */
  worstLoopDelayMs: number;
  /** CPU time the target used since it started (user + system), ms. */
  cpuMs: number;
}
