/** Settings every demo endpoint shares. */
export interface EndpointSettings {
  /**
   * Heartbeat in seconds: every client is pinged every half interval and dropped once it answered
   * none for a whole interval (browsers and Godot answer pings by themselves). 0 = off.
   */
  heartbeatInterval: number;
}

/** The demo's defaults: a 5 s heartbeat, so a dead client is gone within 10 s. */
export const DEFAULT_ENDPOINT_SETTINGS: EndpointSettings = { heartbeatInterval: 5 };
