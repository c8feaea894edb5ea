import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { reportDir, writeAttackReport } from '@wspeer/test-kit/attack';

/** Clears the attack records before the `attack` project, and writes and prints the report after it. */
export default function setup(): () => void {
  rmSync(join(reportDir(), 'records.jsonl'), { force: true });
  return () => {
    const summary = writeAttackReport();
    console.log(`\n[attack] ${summary}\n[attack] report: reports/attack-report.md\n`);
  };
}
