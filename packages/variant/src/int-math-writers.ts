import type { ByteWriter } from './byte-writer.js';
import type { Rect2i } from './rect2i.js';
import type { Vector2i } from './vector2i.js';
import type { Vector3i } from './vector3i.js';
import type { Vector4i } from './vector4i.js';

// Body writers of Godot 4's integer math types: int32 components in wire order (a component that is
// not an int32 is truncated, as `ToInt32` does).

/** VECTOR2I: x, y. */
export function writeVector2i(w: ByteWriter, v: Vector2i): void {
  w.i32(v.x);
  w.i32(v.y);
}

/** VECTOR3I: x, y, z. */
export function writeVector3i(w: ByteWriter, v: Vector3i): void {
  w.i32(v.x);
  w.i32(v.y);
  w.i32(v.z);
}

/** VECTOR4I: x, y, z, w. */
export function writeVector4i(w: ByteWriter, v: Vector4i): void {
  ints4(w, v.x, v.y, v.z, v.w);
}

/** RECT2I: x, y, width, height. */
export function writeRect2i(w: ByteWriter, r: Rect2i): void {
  ints4(w, r.x, r.y, r.width, r.height);
}

function ints4(w: ByteWriter, a: number, b: number, c: number, d: number): void {
  w.i32(a);
  w.i32(b);
  w.i32(c);
  w.i32(d);
}
