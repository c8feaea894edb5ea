/**
 * The README runs. Every ```ts block is extracted from README.md (never copied by hand):
 * - ```ts             compiled (strict, Node types) and run with Node;
 * - ```ts browser     compiled (strict, DOM types), bundled with Vite and run in Chromium;
 * - ```ts from=FILE   an excerpt of FILE: its lines must appear there in order (FILE is compiled and run by its
 *                     own tests);
 * - ```ts no-run      compiled only (none today; keep it rare).
 * A `// prints: TEXT` comment means the block's output must contain TEXT. Blocks talk to the demo server
 * (port 8080 in the README) or start their own servers (9000, 9001) and Redis clusters (6379, a redis-server this
 * test starts): each README port is mapped to a free port.
 * Every shell command shown is checked too: npm scripts exist, files exist, `npx wspeer` commands parse.
 * Also: every name the public entries export appears in the README (the public surface is what it documents).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainMessage, parseCli, readMessageRegister } from '@wspeer/cli';
import { startDemoServer } from '@wspeer/demo-server';
import { freePort, startLineProcess, startRedis, type TestRedis } from '@wspeer/test-kit/node';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const work = join(root, 'reports', 'readme');

interface Block {
  /** 1-based line of the opening fence in README.md. */
  line: number;
  lang: string;
  flags: string[];
  code: string;
}

function blocks(): Block[] {
  const found: Block[] = [];
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S+)(.*)$/.exec(lines[i] as string);
    if (open === null) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    found.push({
      line: start + 1,
      lang: open[1] as string,
      flags: (open[2] ?? '').trim().split(/\s+/).filter(Boolean),
      code: body.join('\n'),
    });
  }
  return found;
}

const all = blocks();
const tsBlocks = all.filter((b) => b.lang === 'ts');
const excerpts = tsBlocks.filter((b) => b.flags.some((f) => f.startsWith('from=')));
const compiled = tsBlocks.filter((b) => !b.flags.some((f) => f.startsWith('from=')));
const nodeBlocks = compiled.filter((b) => !b.flags.includes('browser'));
const browserBlocks = compiled.filter((b) => b.flags.includes('browser'));
const expected = (b: Block): string[] =>
  [...b.code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => (m[1] as string).trim());

let ports: Map<string, number>;
let stopDemo: () => Promise<void>;
const pageDir = mkdtempSync(join(tmpdir(), 'wspeer-readme-page-'));

/** The block with each README port replaced by this run's port. */
function localized(b: Block): string {
  return b.code.replace(/\b(8080|9000|9001|6379)\b/g, (port) => String(ports.get(port)));
}

const fileOf = (b: Block, ext: string): string => join(work, `block-${b.line}.${ext}`);

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(pageDir, 'index.html'), '<!doctype html>');
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', staticRoot: pageDir, log: () => {} });
  stopDemo = () => demo.close();
  ports = new Map([
    ['8080', demo.port],
    ['9000', await freePort()],
    ['9001', await freePort()],
    ['6379', redis.port],
  ]);
  for (const b of nodeBlocks) writeFileSync(fileOf(b, 'mts'), `${localized(b)}\nexport {};\n`);
  for (const b of browserBlocks) writeFileSync(fileOf(b, 'ts'), `${localized(b)}\nexport {};\n`);
}, 30_000);

afterAll(async () => {
  await redis?.stop();
  await stopDemo?.();
  rmSync(pageDir, { recursive: true, force: true });
});

function compile(files: string[], options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    outDir: join(work, 'out'),
    ...options,
  });
  const result = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('README.md', () => {
  it('has runnable TypeScript blocks in Node and in the browser, and excerpts', () => {
    expect(nodeBlocks.length).toBeGreaterThanOrEqual(4);
    expect(browserBlocks.length).toBeGreaterThanOrEqual(1);
    expect(excerpts.length).toBe(3);
    for (const b of tsBlocks) {
      for (const flag of b.flags)
        expect(['browser', 'no-run'].includes(flag) || flag.startsWith('from='), `flag ${flag}`).toBe(true);
    }
  });

  it('every TypeScript block compiles (strict)', () => {
    const nodeErrors = compile(
      nodeBlocks.map((b) => fileOf(b, 'mts')),
      { types: ['node'], lib: ['lib.es2022.d.ts'] },
    );
    const browserErrors = compile(
      browserBlocks.map((b) => fileOf(b, 'ts')),
      {
        types: [],
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        noEmit: true,
      },
    );
    expect([...nodeErrors, ...browserErrors]).toEqual([]);
  }, 60_000);

  for (const b of nodeBlocks.filter((x) => !x.flags.includes('no-run'))) {
    it(`the block at line ${b.line} runs in Node and prints what it says`, async () => {
      const child = startLineProcess(process.execPath, [join(work, 'out', `block-${b.line}.mjs`)], {
        cwd: root,
        timeoutMs: 20_000,
      });
      const code = await child.exited;
      expect(code, child.transcript()).toBe(0);
      const output = child.stdout.join('\n');
      for (const text of expected({ ...b, code: localized(b) })) expect(output, child.transcript()).toContain(text);
    }, 30_000);
  }

  for (const b of browserBlocks.filter((x) => !x.flags.includes('no-run'))) {
    it(`the block at line ${b.line} runs in Chromium and prints what it says`, async () => {
      const { build } = await import('vite');
      const output = await build({
        configFile: false,
        root: work,
        logLevel: 'silent',
        resolve: { conditions: ['browser', 'module', 'import', 'production'] },
        build: {
          write: false,
          minify: false,
          target: 'es2022',
          modulePreload: false,
          rollupOptions: { input: fileOf(b, 'ts') },
        },
      });
      const code = (Array.isArray(output) ? output : [output])
        .flatMap((o) => ('output' in o ? o.output : []))
        .map((c) => (c.type === 'chunk' ? c.code : ''))
        .join('\n');
      const { chromium } = await import('playwright');
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        timeout: 30_000,
      });
      try {
        const page = await browser.newPage();
        const logs: string[] = [];
        const errors: string[] = [];
        page.on('console', (m) => logs.push(m.text()));
        page.on('pageerror', (e) => errors.push(e.message));
        // Served by the demo server (same origin as the WebSockets: Chromium blocks a blank page from 127.0.0.1).
        writeFileSync(join(pageDir, `block-${b.line}.js`), code);
        writeFileSync(
          join(pageDir, `block-${b.line}.html`),
          `<!doctype html><script type="module" src="block-${b.line}.js"></script>`,
        );
        await page.goto(`http://127.0.0.1:${ports.get('8080')}/block-${b.line}.html`);
        const wanted = expected({ ...b, code: localized(b) });
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && !wanted.every((w) => logs.some((l) => l.includes(w)))) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(errors).toEqual([]);
        for (const text of wanted) expect(logs.join('\n')).toContain(text);
      } finally {
        await browser.close();
      }
    }, 60_000);
  }

  for (const b of excerpts) {
    const source = (b.flags.find((f) => f.startsWith('from=')) as string).slice(5);
    it(`the block at line ${b.line} is an excerpt of ${source}, line for line`, () => {
      const fileLines = readFileSync(join(root, source), 'utf8').split('\n');
      let at = 0;
      for (const raw of b.code.split('\n')) {
        const line = raw.replace(/\s*\/\/ .*$/, '').trim();
        if (line === '') continue;
        while (at < fileLines.length && !(fileLines[at] as string).includes(line)) at++;
        expect(at < fileLines.length, `"${line}" is not in ${source} (in order)`).toBe(true);
        at++;
      }
    });
  }

  it('every shell command it shows works from a clone with Node and npm', async () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const commands = all
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.code.split('\n'))
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) {
      const words = command.split(/\s+/);
      if (command === 'npm test' || command === 'npm install wspeer') continue;
      if (words[0] === 'npm' && words[1] === 'run') expect(scripts[words[2] as string], command).toBeDefined();
      else if (words[0] === 'node') expect(() => readFileSync(join(root, words[1] as string)), command).not.toThrow();
      else if (words[0] === 'npx' && words[1] === 'wspeer') {
        expect(parseCli(words.slice(2)).command, command).not.toBe('error');
        // An `explain` example must be a message of this version's register.
        if (words[2] === 'explain') {
          const shown = command.slice(command.indexOf('explain') + 8).replace(/^"|"$/g, '');
          expect(explainMessage(shown, readMessageRegister() ?? new Map()), command).not.toBeNull();
        }
      } else throw new Error(`no check for the README command "${command}"`);
    }
    // The tools the README's prose sends people to (backticked commands) exist as well.
    for (const [, name] of readme.matchAll(/`npm run ([\w:-]+)/g))
      expect(scripts[name as string], `npm run ${name}`).toBeDefined();
    // npx finds the command line in a clone (after the install `npm test` does).
    const npx = startLineProcess('npx', ['--no-install', 'wspeer', '--help'], { cwd: root, timeoutMs: 30_000 });
    expect(await npx.exited, npx.transcript()).toBe(0);
    expect(npx.stdout[0]).toMatch(/^wspeer: /);
  }, 40_000);

  it('documents every name the public entries export, and nothing else is exported', async () => {
    const documented = new Set([...readme.matchAll(/`([A-Za-z_][\w]*)`/g)].map((m) => m[1]));
    const entries = [
      'node',
      'server',
      'multiplayer',
      'rpc',
      'scene',
      'variant',
      'cluster',
      'browser',
      'multiplayer-browser',
      'server-browser',
      'cluster-browser',
    ];
    const program = ts.createProgram(
      entries.map((e) => join(root, 'packages/wspeer/dist', `${e}.d.ts`)),
      { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] },
    );
    const checker = program.getTypeChecker();
    const missing: string[] = [];
    for (const entry of entries) {
      const file = program.getSourceFile(join(root, 'packages/wspeer/dist', `${entry}.d.ts`)) as ts.SourceFile;
      const symbol = checker.getSymbolAtLocation(file) as ts.Symbol;
      for (const name of checker.getExportsOfModule(symbol).map((s) => s.name)) {
        if (!documented.has(name)) missing.push(`${entry}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // And the internals the issue found exported stay internal.
    const core = await import('wspeer');
    for (const name of [
      'WaiterList',
      'PacketQueue',
      'warnOnce',
      'selectProtocol',
      'OutboundBatch',
      'scheduleMicrotask',
    ]) {
      expect(name in core, name).toBe(false);
    }
  });
});
