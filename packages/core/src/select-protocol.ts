/**
 * Godot's subprotocol choice: the first protocol in the client's list that the server supports.
 * Returns `""` when neither side lists any, and `null` (reject) when nothing matches, when the
 * client asked for none while the server has a list, or when the server has none but the client
 * asked for some. Entries are trimmed. Runs on every upgrade, so it allocates nothing when the
 * entries are already trimmed (the usual case).
 */
export function selectProtocol(requested: readonly string[], supported: readonly string[]): string | null {
  let anyWanted = false;
  for (const entry of requested) {
    const protocol = entry.trim();
    if (protocol === '') continue;
    anyWanted = true;
    if (offers(supported, protocol)) return protocol;
  }
  return anyWanted || offers(supported, null) ? null : '';
}

/** Whether `supported` lists `protocol` (trimmed), or any protocol at all when `protocol` is null. */
function offers(supported: readonly string[], protocol: string | null): boolean {
  for (const entry of supported) {
    const offered = entry.trim();
    if (offered !== '' && (protocol === null || offered === protocol)) return true;
  }
  return false;
}
