/**
 * The wire as a strategy: how multiplayer packets are framed, announced and routed. A client and
 * a server pick theirs from their `wire` setting (`godot3` or `godot4`) when they connect or
 * listen; neither branches on the format anywhere else.
 */

/** The server side of a multiplayer room: who is in it and how to reach them. */
export interface Room {
  /** Whether client `id` is in the room. */
  has(id: number): boolean;
  /** The ids of the clients in the room, ascending (Godot keeps its peers in an ordered map). */
  sortedIds(): number[];
  /** Sends `message` to client `id`; a client that cannot take more is cut, never silently skipped. */
  sendTo(id: number, message: Uint8Array): void;
  /** Sends `message` to every client but `exceptA` and `exceptB` (0 excludes nobody). */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void;
  /** A packet for the server itself from `sender`. */
  store(packet: Uint8Array, sender: number): void;
  /**
   * Refuses a packet from `from`: `kind` is a name from the code (counted in the server's stats),
   * `reason` the text for `packet_dropped` and the log (quoting remote input only bounded).
   */
  refuse(from: number, kind: string, reason: string): void;
}

/** The server half of a wire format. */
export interface ServerWire {
  /** Frames the server's own packet for `to` (0 all, N one client, -N all but N). */
  frame(to: number, packet: Uint8Array): Uint8Array;
  /** Client `id` finished its handshake and is in the room: tell it its id (and who is there). */
  welcome(room: Room, id: number): void;
  /** One message from client `sender`: deliver it to the server, relay it, or refuse it. */
  receive(room: Room, sender: number, message: Uint8Array): void;
  /** Client `id` left the room: tell the others if the format announces departures. */
  farewell(room: Room, id: number): void;
}

/** What a client wire may do to its client. */
export interface ClientLink {
  /** Whether the server has admitted us (it sent our id, and the server is peer 1 to us). */
  readonly admitted: boolean;
  /** A packet from `sender` for us. */
  store(packet: Uint8Array, sender: number): void;
  /** The server told us our id. */
  setUniqueId(id: number): void;
  /** Peer `id` joined (1, the server, admits us). */
  addPeer(id: number): void;
  /** Peer `id` left. */
  removePeer(id: number): void;
  /** The server broke the protocol: close with `code` and `reason`. */
  fail(code: number, reason: string): void;
}

/** The client half of a wire format. */
export interface ClientWire {
  /** Frames our packet (we are `from`) for `to` (0 all, 1 server, N one peer, -N all but N). */
  frame(from: number, to: number, packet: Uint8Array): Uint8Array;
  /** One message from the server. */
  receive(client: ClientLink, message: Uint8Array): void;
}
