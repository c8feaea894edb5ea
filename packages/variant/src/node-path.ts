import { ErrorCode, msg } from '@wspeer/core';
import { VariantError } from './variant-error.js';

/**
 * Godot's `NodePath`: NODE_PATH (type 15). `"/root/a/b:prop:sub"` has the names `root`, `a`, `b`,
 * the subnames `prop`, `sub` and is absolute. On the wire: name count with bit 31 set (the "new
 * format" marker), subname count, flags (bit 0 absolute), then every name and subname as a
 * length-prefixed, zero-padded UTF-8 string.
 */
export class NodePath {
  /** The node names, in order (`["root", "a", "b"]`). */
  declare readonly names: readonly string[];
  /** The property / sub-property names after the first `:` (`["prop", "sub"]`). */
  declare readonly subnames: readonly string[];
  /** Whether the path starts with `/`. */
  declare readonly absolute: boolean;

  /** A path from its parts (default: the empty path). The arrays are kept, not copied. */
  constructor(names: readonly string[] = [], subnames: readonly string[] = [], absolute = false) {
    this.names = names;
    this.subnames = subnames;
    this.absolute = absolute;
  }

  /**
   * Parses a path string the way Godot 3's `NodePath(String)` does: a leading `/` makes it absolute,
   * empty names (`a//b`) are skipped, everything after the first `:` is subnames, and one trailing `:`
   * is allowed.
   * @throws VariantError (`ERR_INVALID_PARAMETER`) for an empty subname such as `a::b`, which Godot rejects.
   */
  static parse(path: string): NodePath {
    const colon = path.indexOf(':');
    const nodePart = colon === -1 ? path : path.slice(0, colon);
    const subnames = colon === -1 ? [] : parseSubnames(path, path.slice(colon + 1));
    const names = nodePart.split('/').filter((name) => name !== '');
    return new NodePath(names, subnames, path.startsWith('/'));
  }

  /** Whether the path has no names and no subnames (and is not absolute), like Godot's `is_empty()`. */
  isEmpty(): boolean {
    return this.names.length === 0 && this.subnames.length === 0 && !this.absolute;
  }

  /** The path string, as Godot prints it: `"/root/a/b:prop:sub"`. */
  toString(): string {
    let text = this.absolute ? `/${this.names.join('/')}` : this.names.join('/');
    for (const subname of this.subnames) text += `:${subname}`;
    return text;
  }
}

function parseSubnames(path: string, text: string): string[] {
  const parts = text.split(':');
  if (parts[parts.length - 1] === '') parts.pop();
  if (parts.includes('')) {
    throw new VariantError(msg`Invalid NodePath '${path}': empty subname`, ErrorCode.ERR_INVALID_PARAMETER);
  }
  return parts;
}
