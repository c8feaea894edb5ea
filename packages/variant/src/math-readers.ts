import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import type { ByteReader } from './byte-reader.js';
import { Color } from './color.js';
import { readReal } from './read-value.js';
import { Transform2D } from './transform2d.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';
import { Vector4 } from './vector4.js';

// Body readers of the math types, shared by Godot 3 and 4. Components are "reals": float32, or
// float64 when the header carries the codec's `realFlag` (Godot 4 double-precision builds; Godot 3's
// flag is 0): see `readReal`. The caller has checked that the body's bytes remain.

/** VECTOR2: x, y. */
export const readVector2 = (r: ByteReader): Vector2 => new Vector2(readReal(r), readReal(r));

/** VECTOR3: x, y, z. */
export const readVector3 = (r: ByteReader): Vector3 => new Vector3(readReal(r), readReal(r), readReal(r));

/** VECTOR4 (Godot 4): x, y, z, w. */
export const readVector4 = (r: ByteReader): Vector4 => new Vector4(readReal(r), readReal(r), readReal(r), readReal(r));

/** TRANSFORM2D: x axis, y axis, origin. */
export const readTransform2D = (r: ByteReader): Transform2D =>
  new Transform2D(readVector2(r), readVector2(r), readVector2(r));

/** AABB: position, then size. */
export const readAABB = (r: ByteReader): AABB => new AABB(readVector3(r), readVector3(r));

/** COLOR: r, g, b, a, always float32 (also in Godot 4 double builds). */
export const readColor = (r: ByteReader): Color => new Color(r.f32(), r.f32(), r.f32(), r.f32());

/** BASIS: nine reals, row-major. */
export function readBasis(r: ByteReader): Basis {
  const elements: number[] = [];
  for (let i = 0; i < 9; i++) elements.push(readReal(r));
  return new Basis(elements);
}

/** A reader of four reals passed to `C`'s constructor in wire order (Rect2, Plane, Quat, Quaternion). */
export function reals4<T>(C: new (a: number, b: number, c: number, d: number) => T): (r: ByteReader) => T {
  return (r) => new C(readReal(r), readReal(r), readReal(r), readReal(r));
}

/** A reader of a basis (nine reals) then an origin (three), passed to `C` (Transform, Transform3D). */
export function basisOrigin<T>(C: new (basis: Basis, origin: Vector3) => T): (r: ByteReader) => T {
  return (r) => new C(readBasis(r), readVector3(r));
}
