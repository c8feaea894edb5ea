/** A command from the orchestrator to a server process. */
export interface ServerRequest {
  id: number;
  cmd: 'start' | 'stop' | 'mark' | 'memory' | 'stats' | 'exit';
  /** `start`: sample the memory held during the round (see `MemorySampler`). */
  sampleMemory?: boolean;
}

/** A server process's answer to a {@link ServerRequest} (`id` matches), or its `ready` message (`id` 0). */
export interface ServerReply {
  id: number;
  /** `ready`: the bound port. */
  port?: number;
  /** `ready`: whether the `ws` of this process loaded `bufferutil` (native masking). */
  bufferutil?: boolean;
  /** `mark`: CPU time used so far (user + system), in microseconds, and the monotonic clock in ms. */
  cpuMicros?: number;
  at?: number;
  /**
   * `start`: JS heap + external memory (Buffers) after a full GC, the round's baseline.
   * `mark`: the highest JS heap + external memory sampled (every 25 ms) since the previous mark.
   */
  heldBytes?: number;
  /** `memory`: after a full GC. */
  rss?: number;
  heapUsed?: number;
  external?: number;
  /** `stats`: open connections and serving errors. */
  connections?: number;
  errors?: number;
  /** Set when the command failed. */
  error?: string;
}
