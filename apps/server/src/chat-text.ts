import { decodeVariant, encodeVariant } from 'wspeer/rpc';

/**
 * The chat demo's encoding (`utils.gd`): text frames carry UTF-8, binary frames carry a Godot
 * Variant (`var2bytes(String)`). Returns the text, or `null` for anything else.
 */
export function decodeChat(packet: Uint8Array, isText: boolean): string | null {
  if (isText) return decodeUtf8(packet);
  const decoded = decodeVariant(packet);
  return decoded.error === 0 && typeof decoded.value === 'string' ? decoded.value : null;
}

/** Encodes chat text for a text frame (UTF-8) or a binary frame (`var2bytes(String)`). */
export function encodeChat(text: string, asText: boolean): Uint8Array {
  return asText ? new TextEncoder().encode(text) : encodeVariant(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of valid UTF-8 bytes, or `null`. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}
