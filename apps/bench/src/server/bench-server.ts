/** A server under test, running in its own process (see `server-main.ts`). */
export interface BenchServer {
  /** The bound port on 127.0.0.1. */
  readonly port: number;
  /** Connections the application currently sees as open. */
  connections(): number;
  /**
   * A round starts (`true`) or ends (`false`). Servers driven by a game loop tick on every
   * event-loop turn during a round and idle at 50 Hz between rounds; others ignore it.
   */
  setActive(active: boolean): void;
  /** Reports anything that went wrong while serving (e.g. a send refused by a limit). */
  errors(): number;
}

/** The server kinds `server-main.ts` can start. */
export type ServerKind =
  | 'ws-echo'
  | 'ws-echo-cork'
  | 'wspeer-echo-tick'
  | 'wspeer-echo-auto'
  | 'socketio-echo'
  | 'ws-relay'
  | 'wspeer-relay-tick'
  | 'wspeer-relay-auto';

/**
 * Which server process to run: its kind, and whether the `ws` inside it may load `bufferutil`
 * (native masking). Without it the process runs with `WS_NO_BUFFER_UTIL=1`, which `ws` honours.
 */
export interface ServerLaunch {
  kind: ServerKind;
  bufferutil: boolean;
}

/** A stable name of a launch, e.g. `ws-echo+bufferutil`. */
export function launchName(launch: ServerLaunch): string {
  return launch.bufferutil ? `${launch.kind}+bufferutil` : launch.kind;
}
