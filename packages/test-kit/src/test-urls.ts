/** URLs the Vitest global setup provides to every test (`inject('urls')`). */
export interface TestUrls {
  /** Raw `ws` echo server: `${ws}/echo?id=...` (text stays text, binary stays binary). */
  rawEcho: string;
  /** wspeer `WebSocketServer` echo (auto-poll): `${wspeerEcho}?id=...`. */
  wspeerEcho: string;
  /** wspeer `WebSocketServer` text echo that pings every client every 50 ms (drops silent ones). */
  wspeerHeartbeat: string;
  /** HTTP base of the test servers' logs: `${http}/log?id=...`. */
  http: string;
  /** A real Godot 3.2.3 `WebSocketServer` echo (raw mode, no subprotocols). */
  godotEcho: string;
  /**
   * A real Godot 3.2.3 multiplayer room (`mp_server.gd`, tree mode, echoes packets back to their
   * sender) with one Godot client already in it (`greeter`, direct mode) that sends
   * `04 + "hello <id> from <greeter>"` to every client that joins and echoes packets to their sender.
   */
  godotRoom: MultiplayerRoom;
  /** A port on 127.0.0.1 where nothing listens. */
  deadPort: number;
}

/** A multiplayer room to join with `createClient(url)`. */
export interface MultiplayerRoom {
  url: string;
  /** Id of the Godot client in the room. */
  greeter: number;
}

/**
 * What a test server's multiplayer room (`POST ${http}/mp-room?wire=godot3|godot4[&echo=0]
 * [&grace=<resume grace s>][&proxy=1]`, which answers `{ url, log, control[, proxyUrl] }`; POST
 * `control&drop=<id>` destroys a client's socket, `&blackhole=1` makes the proxy swallow its live
 * connections) saw, from `GET ${log}`: `connected:<id>`, `disconnected:<id>`,
 * `packet:<from>:<hex>`, `dropped:<from>:<reason>`, in order.
 */
export interface MultiplayerRoomLog {
  wire: 'godot3' | 'godot4';
  events: string[];
}
