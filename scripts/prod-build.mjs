#!/usr/bin/env node
// The production build of the browser-facing packages: copies each package's compiled `dist/` to
// `dist-prod/`, with every message marked by core's `msg` tag (`` msg`No node ${path}.` ``) turned into
// its code and values (`` `[wspeer 1k9x] ${path}` ``), so a production bundle carries no message texts.
// The packages' `production` export condition (set by Vite and webpack in production builds) serves
// `dist-prod/`; development builds, Node and the tests get `dist/`, texts included.
//
//   node scripts/prod-build.mjs           writes every dist-prod/ (run after `tsc -b`)
//   node scripts/prod-build.mjs --docs    also writes docs/messages.md, the codes and their texts
//   node scripts/prod-build.mjs --check   fails when docs/messages.md is not the current catalog
//
// A code is a number. docs/messages.md is the register: a message keeps its code while its text stays
// the same, and a new (or reworded) message takes the next free number, so codes are short and
// compress well (numbers, not hashes) and stay put from one release to the next.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The packages a browser bundle can reach: they get a production build. */
export const PROD_PACKAGES = ['core', 'multiplayer', 'rpc', 'scene', 'variant', 'transport-browser', 'wspeer'];

const root = fileURLToPath(new URL('..', import.meta.url));
const docsFile = join(root, 'docs', 'messages.md');

/** The register in docs/messages.md: text -> code (empty when there is none yet). */
export function readRegister(file = docsFile) {
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {}
  const codes = new Map();
  const seen = new Set();
  for (const line of doc.split('\n')) {
    const row = /^\| `(\d+)` \| (.*) \| [^|]* \|$/.exec(line);
    if (row === null) continue;
    const code = Number(row[1]);
    // Two rows with one number (a bad merge): fail rather than serve one of the texts under it.
    if (seen.has(code)) throw new Error(`prod-build: docs/messages.md has two rows numbered ${code}`);
    seen.add(code);
    codes.set(row[2].replace(/\\\|/g, '|'), code);
  }
  return codes;
}

/** Codes for message texts: the register's, then the next free numbers in the order texts are met. */
export class MessageCodes {
  /** @param {Map<string, number>} register */
  constructor(register) {
    this.register = register;
    this.next = Math.max(0, ...register.values()) + 1;
    this.added = new Map();
  }

  /** The code of `text` (its values as `{1}`, `{2}`, ...). */
  codeOf(text) {
    const known = this.register.get(text) ?? this.added.get(text);
    if (known !== undefined) return known;
    this.added.set(text, this.next);
    return this.next++;
  }
}

/** The fixed parts of a `msg` template (cooked text) and the source text of its values. */
function parts(template, rewrite) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return { fixed: [template.text], values: [] };
  const fixed = [template.head.text];
  const values = [];
  for (const span of template.templateSpans) {
    values.push(rewrite(span.expression));
    fixed.push(span.literal.text);
  }
  return { fixed, values };
}

/** Whether `node` is a `msg` tagged template. */
function isMessage(node) {
  return ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'msg';
}

/**
 * Rewrites the `msg` templates of one module, numbered by `codes` ({@link MessageCodes}); records each in
 * `catalog` (code -> { text, where }). Returns the new text.
 */
export function rewriteModule(file, text, catalog, codes) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  /** `node`'s source text with the messages inside it rewritten. */
  const rewrite = (node) => {
    const edits = [];
    const visit = (child) => {
      if (isMessage(child)) edits.push([child.getStart(source), child.getEnd(), coded(child)]);
      else ts.forEachChild(child, visit);
    };
    if (isMessage(node)) return coded(node);
    ts.forEachChild(node, visit);
    const start = node === source ? 0 : node.getStart(source);
    let out = text.slice(start, node.getEnd());
    for (const [from, to, replacement] of edits.reverse()) {
      out = out.slice(0, from - start) + replacement + out.slice(to - start);
    }
    return out;
  };
  const coded = (node) => {
    const { fixed, values } = parts(node.template, rewrite);
    const shown = fixed.reduce((all, part, i) => `${all}{${i}}${part}`);
    // One line per message: the register is a Markdown table.
    if (shown.includes('\n'))
      throw new Error(`prod-build: a message spans lines (${relative(root, file)}): ${JSON.stringify(shown)}`);
    const code = codes.codeOf(shown);
    if (!catalog.has(code)) catalog.set(code, { text: shown, where: new Set() });
    catalog.get(code).where.add(
      relative(root, file)
        .replace(/\/dist\//, '/src/')
        .replace(/\.js$/, '.ts'),
    );
    if (values.length === 0) return JSON.stringify(`[wspeer ${code}]`);
    return `\`[wspeer ${code}] ${values.map((v) => `\${${v}}`).join(' | ')}\``;
  };
  return rewrite(source).replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}

/** Every `.js` file under `dir`. */
function jsFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return jsFiles(path);
      return name.endsWith('.js') ? [path] : [];
    });
}

/**
 * Rewrites every package's `dist/` into its `dist-prod/` (only with `write`); returns the catalog of
 * messages (code -> { text, where }).
 */
export function buildProd({ write = true } = {}) {
  const catalog = new Map();
  const codes = new MessageCodes(readRegister());
  for (const name of PROD_PACKAGES) {
    const dist = join(root, 'packages', name, 'dist');
    const out = join(root, 'packages', name, 'dist-prod');
    if (write) rmSync(out, { recursive: true, force: true });
    for (const file of jsFiles(dist)) {
      // Only what the sources compile to: `tsc -b` leaves the output of a deleted source behind.
      if (!existsSync(join(root, 'packages', name, 'src', relative(dist, file).replace(/\.js$/, '.ts')))) continue;
      const text = rewriteModule(file, readFileSync(file, 'utf8'), catalog, codes);
      if (!write) continue;
      const target = join(out, relative(dist, file));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  return catalog;
}

/** The fixed parts of the catalog's messages that are long enough to identify one (for bundle checks). */
export function messageTexts(catalog) {
  return [...catalog.values()].flatMap(({ text }) => text.split(/\{\d+\}/)).filter((part) => part.trim().length >= 16);
}

/**
 * docs/messages.md for `catalog`, keeping the rows of `register` (text -> code) whose message is gone as
 * retired, so a number is never given to another text.
 */
export function messagesDoc(catalog, register = readRegister()) {
  const all = new Map(catalog);
  for (const [text, code] of register) if (!all.has(code)) all.set(code, { text, where: new Set(['(retired)']) });
  const rows = [...all].sort((a, b) => a[0] - b[0]);
  const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '# Messages by code',
    '',
    'A production build (the `production` export condition, which Vite and webpack set when they build',
    'for production) carries no message texts: an error, a refusal reason or a warning reads',
    '`[wspeer CODE] value | value`. This table gives the text of each code, with `{1}`, `{2}`, ... for the',
    'values in order. Development builds and Node print the texts themselves.',
    '',
    'Generated by `node scripts/prod-build.mjs --docs`; the test command checks that it is current. A message that',
    'is gone stays as "(retired)", so its number is never given to another text.',
    '',
    '| code | message | where |',
    '| --- | --- | --- |',
    ...rows.map(([code, { text, where }]) => `| \`${code}\` | ${cell(text)} | ${[...where].sort().join(', ')} |`),
    '',
  ].join('\n');
}

/**
 * Texts in the production build that read like a message but are not coded (a message someone forgot
 * to write with `msg`): every string or template of three or more words. Known texts that must stay as
 * they are (they go on the wire, name a list, or are not in browser bundles) are listed in `KEEP`.
 * Returns `file:line text` lines; empty when every message is coded.
 */
export function unmarkedTexts() {
  const found = [];
  for (const name of PROD_PACKAGES) {
    const dist = join(root, 'packages', name, 'dist-prod');
    for (const file of jsFiles(dist)) {
      const where = relative(root, file);
      if (KEEP_FILES.some((re) => re.test(where))) continue;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node) => {
        let fixed = null;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) fixed = node.text;
        else if (ts.isTemplateExpression(node)) {
          fixed = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
        }
        if (fixed !== null && /[A-Za-z]{2,} +[A-Za-z]{2,} +[A-Za-z]{2,}/.test(fixed) && !fixed.startsWith('[wspeer ')) {
          if (!KEEP_TEXTS.some((re) => re.test(fixed))) {
            found.push(`${where}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${fixed}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

/** Modules whose texts stay: close reasons (on the wire), Node-only or opt-in code, the Node-only entry stubs. */
const KEEP_FILES = [
  /close-reason-values\.js$/, // close reasons: Godot shows them, they go on the wire
  /debug-logger\.js$/, // the opt-in debug logger (`debugLogger`): its lines are its purpose
  /listen-failure\.js$/, // servers only (Node): a browser never listens
  /loopback-transport\.js$/, // the in-memory transport for tests: ws's own wording
  /(server|cluster)-browser\.js$/, // a browser build of a Node-only entry: the text says what to change
];

/** Texts that stay: on the wire, compared, or handed to user code as a name. */
const KEEP_TEXTS = [
  /^(No matching subprotocol|Refusing new connections|Invalid ID received from server)$/, // reject and close reasons
  /^Nil bool int float String /, // Godot 3's type names, split into a list
  /^disabled remote master puppet /, // Godot 3's RPC mode keywords, split into a list
  /^(visibility filter|spawn state) of $/, // reportHandlerError's `where`
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catalog = buildProd();
  const doc = messagesDoc(catalog);
  if (process.argv.includes('--docs')) writeFileSync(docsFile, doc);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(docsFile, 'utf8');
    } catch {}
    if (current !== doc) {
      console.error('prod-build: docs/messages.md is not current; run node scripts/prod-build.mjs --docs');
      process.exit(1);
    }
  }
  console.log(`prod-build: ${catalog.size} messages coded in ${PROD_PACKAGES.length} packages`);
}
