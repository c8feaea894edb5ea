import type { ChildProcess } from 'node:child_process';

const children = new Map<ChildProcess, boolean>();
let installed = false;

function killAll(): void {
  for (const [child, group] of children) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    try {
      if (group) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/**
 * Makes sure `child` (and, with `group`, its whole process group: start it `detached`) is killed
 * when the bench exits for any reason, including Ctrl-C.
 */
export function reapOnExit(child: ChildProcess, group = false): void {
  children.set(child, group);
  child.once('exit', () => children.delete(child));
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Kills `child` (its process group with `group`) now, by its pid. */
export function killChild(child: ChildProcess, group = false): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (group) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // already gone
  }
}
