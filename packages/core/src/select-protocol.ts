/**
 * Godot's subprotocol choice: the first protocol in the client's list that the server supports.
 * Returns `""` when neither side lists any, and `null` (reject) when nothing matches, when the
 * client asked for none while the server has a list, or when the server has none but the client
 * asked for some. Entries are trimmed.
 */
export function selectProtocol(requested: readonly string[], supported: readonly string[]): string | null {
  const wanted = requested.map((p) => p.trim()).filter((p) => p !== '');
  const offered = supported.map((p) => p.trim()).filter((p) => p !== '');
  if (wanted.length === 0 && offered.length === 0) return '';
  for (const protocol of wanted) {
    if (offered.includes(protocol)) return protocol;
  }
  return null;
}
