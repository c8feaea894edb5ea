import { decodeVariant, encodeVariant } from 'wspeer/rpc';

/**
 * The chat demo's encoding (`utils.gd`): text frames carry UTF-8, binary frames a Godot Variant
 * (`var2bytes(String)`); multiplayer mode is always binary.
 */
export function encodeChat(text: string, binary: boolean): Uint8Array {
  return binary ? encodeVariant(text) : new TextEncoder().encode(text);
}

/** Decodes a chat packet; `null` when it is not text (bad UTF-8, or a Variant that is not a String). */
export function decodeChat(packet: Uint8Array, isText: boolean): string | null {
  if (isText) return decodeUtf8(packet);
  const decoded = decodeVariant(packet);
  return decoded.error === 0 && typeof decoded.value === 'string' ? decoded.value : null;
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
