import type { ByteReader } from './byte-reader.js';

// Body readers of Godot 4's integer math types (Vector2i, Vector3i, Vector4i, Rect2i): int32
// components in wire order, passed to the class's constructor. The header's 64-bit flag does not
// apply to them. The caller has checked that the body's bytes remain.

/** A reader of two int32 passed to `C` (Vector2i). */
export function ints2<T>(C: new (a: number, b: number) => T): (r: ByteReader) => T {
  return (r) => new C(r.i32(), r.i32());
}

/** A reader of three int32 passed to `C` (Vector3i). */
export function ints3<T>(C: new (a: number, b: number, c: number) => T): (r: ByteReader) => T {
  return (r) => new C(r.i32(), r.i32(), r.i32());
}

/** A reader of four int32 passed to `C` (Vector4i, Rect2i). */
export function ints4<T>(C: new (a: number, b: number, c: number, d: number) => T): (r: ByteReader) => T {
  return (r) => new C(r.i32(), r.i32(), r.i32(), r.i32());
}
