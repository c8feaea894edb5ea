/** Splits a `Sec-WebSocket-Protocol` request header into trimmed, non-empty protocol names. */
export function parseProtocolHeader(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
