import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import type { ByteReader } from './byte-reader.js';
import { Color } from './color.js';
import { Plane } from './plane.js';
import { Quat } from './quat.js';
import { Rect2 } from './rect2.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

// Body readers of the math types. The caller has checked that the body's bytes remain.

/** Reads a VECTOR2 body (two float32). */
export const readVector2 = (r: ByteReader): Vector2 => new Vector2(r.f32(), r.f32());

/** Reads a VECTOR3 body (three float32). */
export const readVector3 = (r: ByteReader): Vector3 => new Vector3(r.f32(), r.f32(), r.f32());

/** Reads a COLOR body: r, g, b, a. */
export const readColor = (r: ByteReader): Color => new Color(r.f32(), r.f32(), r.f32(), r.f32());

/** Reads a RECT2 body: x, y, width, height. */
export const readRect2 = (r: ByteReader): Rect2 => new Rect2(r.f32(), r.f32(), r.f32(), r.f32());

/** Reads a PLANE body: normal x, y, z, then d. */
export const readPlane = (r: ByteReader): Plane => new Plane(r.f32(), r.f32(), r.f32(), r.f32());

/** Reads a QUAT body: x, y, z, w. */
export const readQuat = (r: ByteReader): Quat => new Quat(r.f32(), r.f32(), r.f32(), r.f32());

/** Reads a TRANSFORM2D body: x axis, y axis, origin. */
export const readTransform2D = (r: ByteReader): Transform2D =>
  new Transform2D(readVector2(r), readVector2(r), readVector2(r));

/** Reads an AABB body: position, then size. */
export const readAABB = (r: ByteReader): AABB => new AABB(readVector3(r), readVector3(r));

/** Reads a TRANSFORM body: the basis' nine float32, then the origin's three. */
export const readTransform = (r: ByteReader): Transform => new Transform(readBasis(r), readVector3(r));

/** Reads a BASIS body: nine float32, row-major. */
export function readBasis(r: ByteReader): Basis {
  const elements: number[] = [];
  for (let i = 0; i < 9; i++) elements.push(r.f32());
  return new Basis(elements);
}
