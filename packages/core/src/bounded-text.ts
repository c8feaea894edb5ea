/** How many characters of remote input a refusal reason or log line quotes at most. */
export const QUOTE_LIMIT = 64;

/**
 * `text` as it may appear in a refusal reason or a log line when it comes from a remote peer: at
 * most `max` characters (then `"…"` and the full length), control characters as `"?"`. The result
 * is built character by character, so it never keeps a reference to a large original string.
 */
export function boundedText(text: string, max = QUOTE_LIMIT): string {
  const n = Math.min(text.length, max);
  let out = '';
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out += c < 0x20 || c === 0x7f ? '?' : text[i];
  }
  return text.length > max ? `${out}… (${text.length} chars)` : out;
}
