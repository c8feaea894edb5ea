import { ConnectionStatus, State } from 'wspeer';

/** What the status bar shows about a tab's connection. */
export interface SessionStatus {
  /** `"closed"`, `"connecting"`, `"open"` or `"closing"`. */
  state: string;
  /** The subprotocol the server selected (`""` for none or when not connected). */
  protocol: string;
  /** Our multiplayer peer id, or `null` (raw mode, or not connected yet). */
  peerId: number | null;
}

/** A tab's connection: polled once per animation frame, like a Godot node's `_process`. */
export interface Session {
  /** Applies what arrived (signals fire from here) and refreshes the tab's view. */
  poll(): void;
  /** The connection's state for the status bar. */
  status(): SessionStatus;
}

/** The status of a session with no connection. */
export const CLOSED_STATUS: SessionStatus = Object.freeze({ state: 'closed', protocol: '', peerId: null });

const NAMES: Record<State, string> = {
  [State.CONNECTING]: 'connecting',
  [State.OPEN]: 'open',
  [State.CLOSING]: 'closing',
  [State.CLOSED]: 'closed',
};

/**
 * The name of a ready state. A multiplayer client whose socket is open but which has no peer id
 * yet (`connectionStatus` still connecting) reports `"connecting"`, as Godot does.
 */
export function stateName(state: State, connectionStatus?: ConnectionStatus): string {
  if (state === State.OPEN && connectionStatus === ConnectionStatus.CONNECTION_CONNECTING) return 'connecting';
  return NAMES[state];
}
