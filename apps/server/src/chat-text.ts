import { decodeUtf8, encodeUtf8 } from 'wspeer';
import { decodeVariant, encodeVariant } from 'wspeer/rpc';

/**
 * The chat demo's encoding (`utils.gd`): text frames carry UTF-8, binary frames carry a Godot
 * Variant (`var2bytes(String)`). Returns the text, or `null` for anything else.
 */
export function decodeChat(packet: Uint8Array, isText: boolean): string | null {
  if (isText) return decodeUtf8(packet, true);
  const decoded = decodeVariant(packet);
  return decoded.error === 0 && typeof decoded.value === 'string' ? decoded.value : null;
}

/** Encodes chat text for a text frame (UTF-8) or a binary frame (`var2bytes(String)`). */
export function encodeChat(text: string, asText: boolean): Uint8Array {
  return asText ? encodeUtf8(text) : encodeVariant(text);
}
