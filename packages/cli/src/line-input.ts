import { createInterface } from 'node:readline';
import type { CliIo } from './cli-io.js';

/**
 * Reads the user's lines: calls `onLine` for each and `onEnd` once input ends (Ctrl-D, or the end
 * of piped input). In a terminal it shows a `> ` prompt; `print` writes a line above the prompt.
 */
export function readLines(io: CliIo, onLine: (line: string) => void, onEnd: () => void) {
  const rl = createInterface({ input: io.input, terminal: io.interactive, crlfDelay: Number.POSITIVE_INFINITY });
  if (io.interactive) {
    rl.setPrompt('> ');
    rl.prompt();
  }
  rl.on('line', (line) => {
    onLine(line);
    if (io.interactive) rl.prompt();
  });
  rl.on('close', onEnd);
  return {
    /** Prints `line` to stdout without garbling the prompt. */
    print(line: string): void {
      if (!io.interactive) {
        io.out(line);
        return;
      }
      process.stdout.write('\r\x1b[K');
      io.out(line);
      rl.prompt(true);
    },
    /** Stops reading. */
    close(): void {
      rl.removeListener('close', onEnd);
      rl.close();
    },
  };
}
