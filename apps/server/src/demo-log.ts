import { boundedText, QUOTE_LIMIT } from 'wspeer';

/** Most log lines of one kind the demo writes per second; the rest are counted and reported. */
export const DEMO_LOG_LINES_PER_SECOND = 20;
/** Where the demo cuts a log line, in characters (remote text inside is quoted at most 64 characters). */
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

/** Most kinds of lines (their text up to the first digit) the budget tracks; others share one budget. */
const MAX_LINE_KINDS = 32;

/**
 * Wraps a log sink so no input can flood it: lines are cut at {@link DEMO_LOG_LINE_LENGTH}
 * characters, and each kind of line (the demo's own text before the first digit, such as
 * `"Got data from client "`) gets at most {@link DEMO_LOG_LINES_PER_SECOND} lines a second, so a
 * flood of one kind cannot hide the others. Lines dropped past that are counted and reported by
 * the next line of their kind.
 */
export function boundedLog(sink: (line: string) => void): (line: string) => void {
  const budgets = new Map<string, { start: number; written: number; suppressed: number }>();
  return (line) => {
    const head = line.slice(0, 32);
    const digit = head.search(/\d/);
    let kind = digit < 0 ? head : head.slice(0, digit);
    if (!budgets.has(kind) && budgets.size >= MAX_LINE_KINDS) kind = '';
    let budget = budgets.get(kind);
    if (budget === undefined) {
      budget = { start: Number.NEGATIVE_INFINITY, written: 0, suppressed: 0 };
      budgets.set(kind, budget);
    }
    const now = performance.now();
    if (now - budget.start >= 1000) {
      budget.start = now;
      budget.written = 0;
    }
    if (budget.written >= DEMO_LOG_LINES_PER_SECOND) {
      budget.suppressed++;
      return;
    }
    budget.written++;
    const more = budget.suppressed > 0 ? ` (${budget.suppressed} more like it suppressed)` : '';
    budget.suppressed = 0;
    sink(boundedText(line, DEMO_LOG_LINE_LENGTH) + more);
  };
}
