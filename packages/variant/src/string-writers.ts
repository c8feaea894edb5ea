import type { ByteWriter } from './byte-writer.js';
import type { NodePath } from './node-path.js';
import { pad4 } from './pad4.js';

/** Writes Godot's string body: uint32 UTF-8 byte length, the bytes, zero padding to 4 (no header). */
export function writeStringBody(w: ByteWriter, text: string): void {
  const at = w.length;
  w.u32(0);
  const length = w.utf8(text);
  w.setU32(at, length);
  w.zeros(pad4(length));
}

/** Writes a NODE_PATH in the "new" format of Godot 3 and 4 (name count with bit 31 set). */
export function writeNodePath(w: ByteWriter, path: NodePath): void {
  w.u32(path.names.length | 0x80000000);
  w.u32(path.subnames.length);
  w.u32(path.absolute ? 1 : 0);
  for (const name of path.names) writeStringBody(w, name);
  for (const subname of path.subnames) writeStringBody(w, subname);
}

/** Writes a POOL_STRING_ARRAY / PACKED_STRING_ARRAY: each string's length counts a trailing NUL that is written too. */
export function writeStringList(w: ByteWriter, array: { readonly values: readonly string[] }): void {
  w.u32(array.values.length);
  for (const text of array.values) {
    const at = w.length;
    w.u32(0);
    const length = w.utf8(text) + 1;
    w.setU32(at, length);
    w.zeros(1 + pad4(length)); // the NUL, then the padding
  }
}
