import { readFileSync } from 'node:fs';

/**
 * The register of production messages: number -> text, with `{1}`, `{2}`, ... for the values. The
 * published package ships it as `MESSAGES.md` at its root; a clone has it as `docs/messages.md`. Both
 * are three folders above this module (`dist/internal/cli/` in the package, `packages/cli/dist/` in a
 * clone).
 */
export function readMessageRegister(): Map<number, string> | null {
  for (const path of ['../../../MESSAGES.md', '../../../docs/messages.md']) {
    try {
      return parseMessageRegister(readFileSync(new URL(path, import.meta.url), 'utf8'));
    } catch {}
  }
  return null;
}

/** The rows of a register (`| \`N\` | text | where |`). */
export function parseMessageRegister(doc: string): Map<number, string> {
  const register = new Map<number, string>();
  for (const line of doc.split('\n')) {
    const row = /^\| `(\d+)` \| (.*) \| [^|]* \|$/.exec(line);
    if (row !== null) register.set(Number(row[1]), (row[2] as string).replace(/\\\|/g, '|'));
  }
  return register;
}

/** How many values a message text takes (its highest `{N}`). */
function valueCount(text: string): number {
  let count = 0;
  for (const [, n] of text.matchAll(/\{(\d+)\}/g)) count = Math.max(count, Number(n));
  return count;
}

const CODED = /^\[wspeer (\d+)\](?: |$)/;

/** A coded message as tokens: a number for each `[wspeer N]`, a string for each value. */
type Token = number | string;

/**
 * The text of a production build's message (`[wspeer 53] RPC | roll | Main/Game | 2 | puppetsync | 6 | 1`),
 * values filled in, messages nested in values expanded too; or of a bare number (`53`: its text with the
 * placeholders). `null` when it is neither, or names a number the register does not have.
 */
export function explainMessage(message: string, register: ReadonlyMap<number, string>): string | null {
  // Keep trailing spaces (an empty last value ends in " | "), but not the newline of a pasted line.
  let input = message.replace(/^\s+/, '').replace(/[\r\n]+$/, '');
  if (/^\d+$/.test(input)) return register.get(Number(input)) ?? null;
  if (!CODED.test(input)) return null;
  if (input.endsWith(' |')) input += ' ';
  const tokens = tokenize(input);
  return expand(tokens, 0, register, true)?.text ?? null;
}

/** `[wspeer 10] 3 | [wspeer 60] Main | ` -> 10, "3", 60, "Main", "". */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of input.split(' | ')) {
    let part: string | null = piece;
    let match = CODED.exec(piece);
    while (match !== null && part !== null) {
      tokens.push(Number(match[1]));
      // `[wspeer N]` with nothing after it is a message without values: no value follows in this part.
      part = match[0].endsWith(' ') ? part.slice(match[0].length) : null;
      match = part === null ? null : CODED.exec(part);
    }
    if (part !== null) tokens.push(part);
  }
  return tokens;
}

/** Expands the message whose number is `tokens[at]`; `next` is the first token after it. */
function expand(
  tokens: readonly Token[],
  at: number,
  register: ReadonlyMap<number, string>,
  last = false,
): { text: string; next: number } | null {
  const text = register.get(tokens[at] as number);
  if (text === undefined) return null;
  const count = valueCount(text);
  const values: string[] = [];
  let next = at + 1;
  for (let i = 0; i < count && next < tokens.length; i++) {
    const token = tokens[next] as Token;
    if (typeof token === 'string') {
      values.push(token);
      next++;
      continue;
    }
    const nested = expand(tokens, next, register);
    if (nested === null) return null;
    values.push(nested.text);
    next = nested.next;
  }
  // The whole message: a value that itself contains " | " was split too, and the rest belongs to its last value.
  if (last && count > 0 && next < tokens.length) {
    const rest = tokens.slice(next).map((token) => (typeof token === 'number' ? `[wspeer ${token}]` : token));
    values[count - 1] = [values[count - 1] ?? '', ...rest].join(' | ');
    next = tokens.length;
  }
  return { text: text.replace(/\{(\d+)\}/g, (_all, n: string) => values[Number(n) - 1] ?? ''), next };
}
