/** How a connection ended, as `closed(peer)` reports it. */
export interface CloseInfo {
  /** The close code received, or -1 when the connection did not close cleanly. */
  code: number;
  /** The close reason received. */
  reason: string;
  /** Whether close frames were exchanged. */
  wasClean: boolean;
}
