import { boundedText, QUOTE_LIMIT } from 'wspeer';

/** Most log lines the demo writes per second; the rest are counted and reported in one line. */
export const DEMO_LOG_LINES_PER_SECOND = 50;
/** Longest log line the demo writes, in characters (remote text inside is quoted at most 64 characters). */
export const DEMO_LOG_LINE_LENGTH = 240;

/** How many bytes of a message the demo decodes to quote it in a log line. */
const QUOTED_BYTES = 256;
const decoder = new TextDecoder();

/**
 * A message as the demo's log quotes it: at most 64 characters of its text (decoded leniently
 * from its first bytes only, so the work does not grow with the message), then its size.
 */
export function quoteMessage(packet: Uint8Array): string {
  const text = decoder.decode(packet.subarray(0, QUOTED_BYTES));
  const shown = boundedText(text.slice(0, QUOTE_LIMIT));
  return text.length > QUOTE_LIMIT || packet.byteLength > QUOTED_BYTES
    ? `${shown}… (${packet.byteLength} bytes)`
    : shown;
}

/**
 * Wraps a log sink so no input can flood it: lines are cut to {@link DEMO_LOG_LINE_LENGTH}
 * characters, and at most {@link DEMO_LOG_LINES_PER_SECOND} go out per second; the lines dropped
 * past that are counted and reported by the next line that goes out.
 */
export function boundedLog(sink: (line: string) => void): (line: string) => void {
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let suppressed = 0;
  return (line) => {
    const now = performance.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      written = 0;
    }
    if (written >= DEMO_LOG_LINES_PER_SECOND) {
      suppressed++;
      return;
    }
    if (suppressed > 0) {
      written++;
      sink(`[log] ${suppressed} lines suppressed (more than ${DEMO_LOG_LINES_PER_SECOND} per second)`);
      suppressed = 0;
    }
    written++;
    sink(boundedText(line, DEMO_LOG_LINE_LENGTH));
  };
}
