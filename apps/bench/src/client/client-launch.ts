/** The Node clients of the client group: a `ws` client, or wspeer's client polled by a loop or by itself. */
export type NodeClientKind = 'ws' | 'wspeer-tick' | 'wspeer-auto';

/** Which client process to run: its kind, and whether the `ws` inside it may load `bufferutil`. */
export interface ClientLaunch {
  kind: NodeClientKind;
  bufferutil: boolean;
}

/** A stable name of a launch, e.g. `ws+bufferutil`. */
export function clientLaunchName(launch: ClientLaunch): string {
  return launch.bufferutil ? `${launch.kind}+bufferutil` : launch.kind;
}
