/**
 * The resume extension's wire, spoken only between wspeer peers that both offered it (DESIGN.md
 * "When a peer leaves"). A client offers it with the URL parameter `wspeer-resume=1`; a server
 * that resumes answers with a text frame `t<token>` before anything else. Godot clients never
 * offer it, so they never see any of it. Control messages are WebSocket text frames (the
 * multiplayer wires only send binary ones), so data packets carry no extra byte:
 *
 * - `t<token>` server to client: this session can be resumed with `token` (32 hex digits, single use).
 * - `a<count>` either way: I have received `count` binary messages from you in this session (an
 *   acknowledgement, and the beat by which a client detects a dead link; the server answers each).
 * - `r<count>.<token>` server to client: resumed; I had received `count` of your messages (send
 *   me the rest again), and `token` replaces the one just used. The client confirms with an `a` at
 *   once; until the server hears from it on the new connection, the token it used stays valid (a
 *   lost `r` must not lock it out), then only the new one is.
 *
 * A client resumes by connecting with `wspeer-resume=<id>.<token>.<count>` (`count`: the binary
 * messages it received). Sequence numbers are implicit: both sides count binary messages.
 */

/** The URL parameter that offers (`1`) or asks for (`<id>.<token>.<count>`) a resume. */
export const RESUME_PARAM = 'wspeer-resume';

/** First byte of a token offer, `t`. */
export const CONTROL_TOKEN = 0x74;
/** First byte of an acknowledgement, `a`. */
export const CONTROL_ACK = 0x61;
/** First byte of a resume confirmation, `r`. */
export const CONTROL_RESUMED = 0x72;

/** Messages a side may receive before it acknowledges them without waiting for a beat. */
export const ACK_EVERY = 32;

/** The non-negative decimal number in `text[start, end)` (ASCII bytes), or -1 when it is not one. */
export function readCount(text: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (text[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `text[start, end)` as a string of ASCII bytes (tokens, short and bounded). */
export function readAscii(text: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...text.subarray(start, end));
}

/** `url` with `param=value` added to its query. */
export function withParam(url: string, value: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${RESUME_PARAM}=${value}`;
}
