#!/usr/bin/env node
// Fails when an exported declaration of a library package (packages/*/src) or a public member of an
// exported class has no TSDoc comment. Part of `npm test`'s lint step.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['test-kit']);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const hasDoc = (node) => ts.getJSDocCommentsAndTags(node).length > 0;
const isExported = (node) => ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export;
const isHidden = (member) =>
  (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
  (member.name && ts.isPrivateIdentifier(member.name));

const missing = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  if (SKIP.has(pkg)) continue;
  for (const file of files(join(root, 'packages', pkg, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const seen = new Set();
    for (const statement of source.statements) {
      if (!isExported(statement) || ts.isExportDeclaration(statement)) continue;
      // Overloads: the TSDoc goes on the first signature.
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        if (seen.has(statement.name.text)) continue;
        seen.add(statement.name.text);
      }
      if (!hasDoc(statement)) missing.push(`${where(statement)} export without TSDoc`);
      if (!ts.isClassDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) continue;
      const seenMembers = new Set();
      for (const member of statement.members) {
        if (ts.isConstructorDeclaration(member) || isHidden(member) || !member.name) continue;
        if (ts.isSetAccessor(member)) continue;
        // Method overloads: the TSDoc goes on the first signature.
        if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) {
          const name = member.name.getText(source);
          if (seenMembers.has(name)) continue;
          seenMembers.add(name);
        }
        if (!hasDoc(member)) missing.push(`${where(member)} ${member.name.getText(source)} without TSDoc`);
      }
    }
  }
}
for (const line of missing) console.log(line);
console.log(missing.length === 0 ? 'TSDoc: every export is documented' : `TSDoc: ${missing.length} undocumented`);
process.exit(missing.length === 0 ? 0 : 1);
