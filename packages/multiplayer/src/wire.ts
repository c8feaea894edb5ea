import type { ErrorCode } from '@wspeer/core';

/**
 * The wire as a strategy: how multiplayer packets are framed, announced and routed. A client and
 * a server pick theirs from their `wire` setting (`godot3` or `godot4`) when they connect or
 * listen; neither branches on the format anywhere else.
 */

/**
 * The server side of a multiplayer room: who is in it and how to reach them. A room may span
 * processes (a cluster): then it holds the clients of every server in it, and each server announces
 * arrivals and departures to the clients it serves itself.
 */
export interface Room {
  /** Whether client `id` is in the room (on this server or, in a cluster, on another). */
  has(id: number): boolean;
  /** Whether client `id` is connected to this server (every member is, unless the room is a cluster). */
  isLocal(id: number): boolean;
  /** The ids of the clients in the room, ascending (Godot keeps its peers in an ordered map). */
  sortedIds(): number[];
  /** Sends `message` to client `id`; a client that cannot take more is cut, never silently skipped. */
  sendTo(id: number, message: Uint8Array): void;
  /** Sends `message` to every client but `exceptA` and `exceptB` (0 excludes nobody). */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void;
  /** Sends an announcement to every client of this server but `except` (each server announces to its own). */
  announce(message: Uint8Array, except: number): void;
  /** A packet for the server itself from `sender`. */
  store(packet: Uint8Array, sender: number): void;
  /**
   * Refuses a packet from `from`: `kind` is a name from the code (counted in the server's stats),
   * `reason` the text for `packet_dropped` and the log (quoting remote input only bounded).
   */
  refuse(from: number, kind: string, reason: string): void;
}

/**
 * A {@link Room} as its server drives it: membership changes, remote work applied at poll, ids.
 * `LocalRoom` is one process's clients; a cluster adapter (`@wspeer/cluster`) spans processes.
 */
export interface ServerRoom extends Room {
  /** Client `id` of this server finished its handshake and is in the room (a cluster tells the others). */
  enter(id: number): void;
  /** Client `id` of this server left (a cluster tells the others and frees its id). */
  leave(id: number): void;
  /** An id for a new client of this server, not `taken` locally (a cluster's are unique cluster-wide). */
  newId(taken: (id: number) => boolean): number;
  /** Disconnects client `id` of another server (`ERR_DOES_NOT_EXIST` if no other server holds it). */
  disconnectRemote(id: number, code: number, reason: string): ErrorCode;
  /** Applies what other servers sent since the last poll (called at the start of the server's poll). */
  poll(): void;
  /** The server stopped: the room forgets its clients (a cluster announces them gone). */
  close(): void;
}

/** What a {@link ServerRoom} may tell its server: peers of other servers come and go, or are to be kicked. */
export interface RoomHost {
  /** Client `id` of another server joined the room. */
  peerJoined(id: number): void;
  /** Client `id` of another server left the room. */
  peerLeft(id: number): void;
  /** Another server asks to disconnect our client `id` (Godot 3 form: code and reason). */
  disconnectPeer(id: number, code: number, reason: string): void;
  /** Something arrived from another server: poll soon (at once with `autoPoll`). */
  wake(): void;
}

/** Makes the {@link ServerRoom} of a multiplayer server from its `local` clients and the `host` to report to. */
export type RoomFactory = (local: Room, host: RoomHost) => ServerRoom;

/** The server half of a wire format. */
export interface ServerWire {
  /** Frames the server's own packet for `to` (0 all, N one client, -N all but N). */
  frame(to: number, packet: Uint8Array): Uint8Array;
  /** Client `id` of this server finished its handshake and is in the room: tell it its id (and who is there). */
  welcome(room: Room, id: number): void;
  /** Client `id` of another server joined the room: tell our clients if the format announces arrivals. */
  joined(room: Room, id: number): void;
  /** One message from client `sender`: deliver it to the server, relay it, or refuse it. */
  receive(room: Room, sender: number, message: Uint8Array): void;
  /** Client `id` (ours or another server's) left the room: tell our clients if the format announces departures. */
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
  stop(code: number, reason: string): void;
}

/** The client half of a wire format. */
export interface ClientWire {
  /** Frames our packet (we are `from`) for `to` (0 all, 1 server, N one peer, -N all but N). */
  frame(from: number, to: number, packet: Uint8Array): Uint8Array;
  /** One message from the server. */
  receive(client: ClientLink, message: Uint8Array): void;
}
