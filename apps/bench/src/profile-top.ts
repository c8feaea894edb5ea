/**
 * `node apps/bench/dist/profile-top.js FILE.cpuprofile [N]`: the top N (default 25) functions of a
 * V8 CPU profile (as `--profile` writes them) by self time and by total time, in % of all samples,
 * so a profile can be read (and quoted) without DevTools.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file =
    url === ''
      ? ''
      : ` ${url
          .replace(/^file:\/\//, '')
          .replace(/^.*\/node_modules\//, '')
          .replace(/^.*\/(packages|apps)\//, '$1/')}:${lineNumber + 1}`;
  return `${functionName === '' ? '(anonymous)' : functionName}${file}`;
}

function top(profilePath: string, count: number): string {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    all += delta;
    const node = byId.get(id);
    if (node === undefined) return;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (n === undefined) break;
      const key = frameName(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + delta);
    }
  });
  const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
  const busy = all - (self.get('(idle)') ?? 0);
  const pct = (v: number): string => `${((100 * v) / busy).toFixed(1).padStart(5)}%`;
  const list = (map: Map<string, number>): string[] =>
    [...map.entries()]
      .filter(([name]) => name !== '(idle)' && name !== '(root)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, v]) => `  ${pct(v)}  ${name}`);
  return [
    `${basename(profilePath)}: ${(all / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time; (program) = ${pct(idle - (self.get('(idle)') ?? 0))} is native code outside JS)`,
    'self:',
    ...list(self),
    'total (inclusive):',
    ...list(total),
  ].join('\n');
}

const [file, n] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node profile-top.js FILE.cpuprofile [N]');
  process.exit(2);
}
console.log(top(file, Number(n ?? 25)));
