#!/usr/bin/env node
// Builds the publishable `wspeer` package from the workspace (after `tsc -b`) and packs it:
//   node scripts/pack.mjs            -> pack/wspeer/ (the package folder) and pack/wspeer-<version>.tgz
//
// Users install one package, `wspeer`. Its internal workspace packages (`@wspeer/core`, the
// adapters, `@wspeer/multiplayer`, `@wspeer/rpc`, `@wspeer/cli`, ... : every `workspace:` dependency
// of packages/wspeer, recursively) are not published; their compiled modules are copied into
// `dist/internal/<package>/`, module for module, with `@wspeer/*` imports rewritten to relative
// paths. Keeping the modules (rather than one bundle per entry) keeps one copy of the shared state
// (the turn scheduler, the handler-error policy, the symbols) across entries, and lets an app's
// bundler tree-shake and inline constants exactly as it does in the workspace (the bundle budgets
// hold for the published package). Only modules reachable from the public entries and the `bin`
// are shipped; source maps are dropped (the sources are not shipped).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'pack');
const stage = join(out, 'wspeer');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const rootPkg = readJson(join(root, 'package.json'));

/** Workspace packages by name: their folder and package.json. */
const workspace = new Map(
  readdirSync(join(root, 'packages')).flatMap((dir) => {
    const path = join(root, 'packages', dir, 'package.json');
    if (!existsSync(path)) return [];
    const pkg = readJson(path);
    return [[pkg.name, { dir: join(root, 'packages', dir), short: dir, pkg }]];
  }),
);

/** `wspeer` and every workspace package it depends on, recursively. */
function bundledPackages() {
  const found = new Map();
  const visit = (name) => {
    const entry = workspace.get(name);
    if (entry === undefined) throw new Error(`pack: ${name} is not a workspace package`);
    if (found.has(name)) return;
    found.set(name, entry);
    for (const [dep, range] of Object.entries(entry.pkg.dependencies ?? {})) {
      if (String(range).startsWith('workspace:')) visit(dep);
    }
  };
  visit('wspeer');
  return found;
}

const packages = bundledPackages();
const main = packages.get('wspeer');

/** Where a workspace file goes in the published package. */
function outputPath(file) {
  for (const entry of packages.values()) {
    for (const tree of ['dist', 'dist-prod']) {
      const dist = join(entry.dir, tree) + sep;
      if (!file.startsWith(dist)) continue;
      const inside = file.slice(dist.length);
      return entry === main ? join(stage, tree, inside) : join(stage, tree, 'internal', entry.short, inside);
    }
  }
  throw new Error(`pack: ${relative(root, file)} is outside the bundled packages' dist folders`);
}

/**
 * The file a `@wspeer/...` specifier names, for JavaScript (`default`), the production build's
 * JavaScript (`production`, where a package has one) or declarations (`types`).
 */
function resolveWorkspace(specifier, kind) {
  const [scope, name, ...rest] = specifier.split('/');
  const entry = packages.get(`${scope}/${name}`);
  if (entry === undefined) throw new Error(`pack: ${specifier} is imported but ${scope}/${name} is not bundled`);
  const subpath = rest.length === 0 ? '.' : `./${rest.join('/')}`;
  const target = entry.pkg.exports?.[subpath];
  const path = typeof target === 'string' ? target : kind === 'dts' ? target?.types : pick(target, kind === 'prod');
  if (path === undefined) throw new Error(`pack: ${specifier} has no "${subpath}" export`);
  return join(entry.dir, path);
}

/**
 * The JavaScript file of an `exports` target: the production build's (`production`, under `browser` or at
 * the top) when `production`, else the development build's (`default`). A package without a production
 * build cannot serve a production module: that is an error, never a silent fallback to the texts.
 */
function pick(target, production) {
  if (!production) return target?.default;
  const path = target?.browser?.production ?? target?.production;
  if (path === undefined) throw new Error('pack: a production module imports a package without a production build');
  return path;
}

const externals = new Set();
const shipped = new Map(); // workspace file -> rewritten text

/** Copies `file` and everything it imports, rewriting `@wspeer/*` specifiers. */
function ship(file, kind) {
  if (shipped.has(file)) return;
  if (!existsSync(file)) throw new Error(`pack: ${relative(root, file)} is missing (run tsc -b first)`);
  const text = readFileSync(file, 'utf8');
  shipped.set(file, null);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  for (const ref of source.typeReferenceDirectives) externals.add(`@types/${ref.fileName}`);
  const edits = [];
  for (const literal of moduleSpecifiers(source)) {
    const specifier = literal.text;
    let target;
    if (specifier.startsWith('.')) {
      target = resolve(dirname(file), specifier);
      if (kind === 'dts') target = target.replace(/\.js$/, '.d.ts');
    } else if (specifier.startsWith('@wspeer/')) {
      // A module of a production build (dist-prod/) imports the production build of the others.
      target = resolveWorkspace(specifier, kind === 'js' && file.includes(`${sep}dist-prod${sep}`) ? 'prod' : kind);
      let path = relative(dirname(outputPath(file)), outputPath(kind === 'dts' ? toJs(target) : target));
      path = path.split(sep).join('/');
      edits.push([literal.getStart(source) + 1, literal.getEnd() - 1, path.startsWith('.') ? path : `./${path}`]);
    } else {
      externals.add(specifier.startsWith('node:') ? 'node:' : specifier.split('/')[0]);
      continue;
    }
    ship(target, kind);
  }
  let result = text;
  for (const [start, end, replacement] of edits.sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + replacement + result.slice(end);
  }
  shipped.set(file, `${result.replace(/^\/\/# sourceMappingURL=.*$/gm, '').trimEnd()}\n`);
}

/**
 * Every module specifier of a file: imports, re-exports (`export * as X from`), `import("x")` types
 * and dynamic `import("x")` calls.
 */
function moduleSpecifiers(source) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push(node.argument.literal);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      if (node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((node) => ts.isStringLiteral(node));
}

/** `x.d.ts` -> `x.js` (a declaration file is imported by its JavaScript name). */
function toJs(path) {
  return path.replace(/\.d\.ts$/, '.js');
}

/** Every file path in an `exports` value, with the condition it sits under. */
function exportTargets(value, condition = 'default') {
  if (typeof value === 'string') return [[condition, value]];
  return Object.entries(value).flatMap(([key, inner]) => exportTargets(inner, key));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

for (const [subpath, value] of Object.entries(main.pkg.exports)) {
  if (subpath === './package.json') continue;
  for (const [condition, path] of exportTargets(value)) {
    const file = join(main.dir, path);
    ship(file, condition === 'types' ? 'dts' : 'js');
    // The production build has no declarations of its own: its types are the development build's.
    if (condition !== 'types' && condition !== 'production') ship(file.replace(/\.js$/, '.d.ts'), 'dts');
  }
}

const bin = {};
for (const entry of packages.values()) {
  for (const [command, path] of Object.entries(entry.pkg.bin ?? {})) {
    const file = join(entry.dir, path);
    ship(file, 'js');
    bin[command] = `./${relative(stage, outputPath(file)).split(sep).join('/')}`;
  }
}

for (const [file, text] of shipped) {
  const target = outputPath(file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}

// Dependencies: the external ones of every bundled package; each external import must be one.
const dependencies = {};
const optionalDependencies = {};
for (const entry of packages.values()) {
  for (const [dep, range] of Object.entries(entry.pkg.dependencies ?? {})) {
    if (!String(range).startsWith('workspace:')) dependencies[dep] = range;
  }
  for (const [dep, range] of Object.entries(entry.pkg.optionalDependencies ?? {})) optionalDependencies[dep] = range;
}
for (const name of externals) {
  if (name !== 'node:' && dependencies[name] === undefined && optionalDependencies[name] === undefined) {
    throw new Error(`pack: the shipped code imports "${name}", which no bundled package lists as a dependency`);
  }
}
const typeImports = [...shipped.entries()]
  .filter(([file]) => file.endsWith('.d.ts'))
  .flatMap(([file, text]) =>
    moduleSpecifiers(ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)).map((literal) => literal.text),
  )
  .filter((specifier) => !specifier.startsWith('.'));
if (typeImports.length > 0) {
  throw new Error(
    `pack: shipped declarations import ${[...new Set(typeImports)].join(', ')} (they must be self-contained)`,
  );
}

const repository = rootPkg.repository;
const web = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const pkg = {
  name: main.pkg.name,
  version: main.pkg.version,
  description: main.pkg.description,
  keywords: main.pkg.keywords,
  license: main.pkg.license,
  repository,
  homepage: rootPkg.homepage,
  bugs: rootPkg.bugs,
  type: 'module',
  sideEffects: main.pkg.sideEffects,
  engines: rootPkg.engines,
  exports: { ...main.pkg.exports, './package.json': './package.json' },
  bin,
  files: ['dist', 'dist-prod', 'CHANGELOG.md', 'MESSAGES.md'],
  dependencies,
  ...(Object.keys(optionalDependencies).length > 0 ? { optionalDependencies } : {}),
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

// README with links that work on the registry's page (relative links point into the repository).
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(
  /(!?)\[([^\]]*)\]\((?!https?:|#|mailto:)([^)\s]+)\)/g,
  (_m, image, text, path) => `${image}[${text}](${web}/${image ? 'raw' : 'blob'}/main/${path})`,
);
writeFileSync(join(stage, 'README.md'), readme);
cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
cpSync(join(root, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));
// The codes of the production build's messages and their texts (see scripts/prod-build.mjs).
cpSync(join(root, 'docs', 'messages.md'), join(stage, 'MESSAGES.md'));

const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }),
)[0];
const tarball = join(out, packed.filename);
console.log(
  `packed ${relative(root, tarball)}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KiB ` +
    `(${shipped.size} modules from ${[...packages.keys()].join(', ')})`,
);
