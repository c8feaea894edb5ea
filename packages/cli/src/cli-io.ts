/** Where a command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Writes a line to standard output (messages, decoded packets). */
  out(line: string): void;
  /** Writes a line to standard error (status: connected, closed, errors). */
  err(line: string): void;
  /** Lines typed (or piped) by the user. */
  readonly input: NodeJS.ReadableStream;
  /** Whether input is an interactive terminal (then a `> ` prompt is shown). */
  readonly interactive: boolean;
}

/** A started command: it ends by itself (`done` gives the exit code) or when stopped (Ctrl-C). */
export interface Running {
  /** The exit code, once the command is over. */
  readonly done: Promise<number>;
  /** Ends the command now (closing its connections cleanly). */
  stop(): void;
}
