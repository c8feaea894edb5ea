import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import type { ByteReader } from './byte-reader.js';
import { Color } from './color.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { Plane } from './plane.js';
import { Quat } from './quat.js';
import { Rect2 } from './rect2.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

/** Reads a VECTOR2 body (two float32). */
export function readVector2(r: ByteReader): Vector2 | DecodeFailed {
  return r.remaining < 8 ? DECODE_FAILED : readVector2Body(r);
}

/** Reads a VECTOR3 body (three float32). */
export function readVector3(r: ByteReader): Vector3 | DecodeFailed {
  return r.remaining < 12 ? DECODE_FAILED : readVector3Body(r);
}

/** Reads a RECT2 body: x, y, width, height. */
export function readRect2(r: ByteReader): Rect2 | DecodeFailed {
  return r.remaining < 16 ? DECODE_FAILED : new Rect2(r.f32(), r.f32(), r.f32(), r.f32());
}

/** Reads a PLANE body: normal x, y, z, then d. */
export function readPlane(r: ByteReader): Plane | DecodeFailed {
  return r.remaining < 16 ? DECODE_FAILED : new Plane(r.f32(), r.f32(), r.f32(), r.f32());
}

/** Reads a QUAT body: x, y, z, w. */
export function readQuat(r: ByteReader): Quat | DecodeFailed {
  return r.remaining < 16 ? DECODE_FAILED : new Quat(r.f32(), r.f32(), r.f32(), r.f32());
}

/** Reads a COLOR body: r, g, b, a. */
export function readColor(r: ByteReader): Color | DecodeFailed {
  return r.remaining < 16 ? DECODE_FAILED : readColorBody(r);
}

/** Reads a TRANSFORM2D body: x axis, y axis, origin. */
export function readTransform2D(r: ByteReader): Transform2D | DecodeFailed {
  if (r.remaining < 24) return DECODE_FAILED;
  return new Transform2D(readVector2Body(r), readVector2Body(r), readVector2Body(r));
}

/** Reads an AABB body: position, then size. */
export function readAABB(r: ByteReader): AABB | DecodeFailed {
  return r.remaining < 24 ? DECODE_FAILED : new AABB(readVector3Body(r), readVector3Body(r));
}

/** Reads a BASIS body: nine float32, row-major. */
export function readBasis(r: ByteReader): Basis | DecodeFailed {
  return r.remaining < 36 ? DECODE_FAILED : new Basis(readFloats(r, 9));
}

/** Reads a TRANSFORM body: the basis' nine float32, then the origin's three. */
export function readTransform(r: ByteReader): Transform | DecodeFailed {
  return r.remaining < 48 ? DECODE_FAILED : new Transform(new Basis(readFloats(r, 9)), readVector3Body(r));
}

/** Reads two float32 as a Vector2; the caller has checked that 8 bytes remain. */
export function readVector2Body(r: ByteReader): Vector2 {
  return new Vector2(r.f32(), r.f32());
}

/** Reads three float32 as a Vector3; the caller has checked that 12 bytes remain. */
export function readVector3Body(r: ByteReader): Vector3 {
  return new Vector3(r.f32(), r.f32(), r.f32());
}

/** Reads four float32 as a Color; the caller has checked that 16 bytes remain. */
export function readColorBody(r: ByteReader): Color {
  return new Color(r.f32(), r.f32(), r.f32(), r.f32());
}

function readFloats(r: ByteReader, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(r.f32());
  return values;
}
