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
  /** A port on 127.0.0.1 where nothing listens. */
  deadPort: number;
}
