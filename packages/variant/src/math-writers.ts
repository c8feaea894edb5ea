import type { AABB } from './aabb.js';
import type { Basis } from './basis.js';
import type { ByteWriter } from './byte-writer.js';
import type { Color } from './color.js';
import type { Plane } from './plane.js';
import type { Quat } from './quat.js';
import type { Rect2 } from './rect2.js';
import type { Transform } from './transform.js';
import type { Transform2D } from './transform2d.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';

// Body writers of the math types: their float32 in wire order, without the Variant header.

/** Writes the two float32 of a Vector2. */
export function writeVector2Body(w: ByteWriter, v: Vector2): void {
  w.f32(v.x);
  w.f32(v.y);
}

/** Writes the three float32 of a Vector3. */
export function writeVector3Body(w: ByteWriter, v: Vector3): void {
  w.f32(v.x);
  w.f32(v.y);
  w.f32(v.z);
}

/** Writes the four float32 of a Color: r, g, b, a. */
export function writeColorBody(w: ByteWriter, c: Color): void {
  writeFloat4(w, c.r, c.g, c.b, c.a);
}

/** Writes a RECT2 body: x, y, width, height. */
export function writeRect2Body(w: ByteWriter, r: Rect2): void {
  writeFloat4(w, r.x, r.y, r.width, r.height);
}

/** Writes a PLANE body: normal x, y, z, then d. */
export function writePlaneBody(w: ByteWriter, p: Plane): void {
  writeFloat4(w, p.x, p.y, p.z, p.d);
}

/** Writes a QUAT body: x, y, z, w. */
export function writeQuatBody(w: ByteWriter, q: Quat): void {
  writeFloat4(w, q.x, q.y, q.z, q.w);
}

/** Writes a TRANSFORM2D body: x axis, y axis, origin. */
export function writeTransform2DBody(w: ByteWriter, t: Transform2D): void {
  writeVector2Body(w, t.x);
  writeVector2Body(w, t.y);
  writeVector2Body(w, t.origin);
}

/** Writes an AABB body: position, then size. */
export function writeAABBBody(w: ByteWriter, box: AABB): void {
  writeVector3Body(w, box.position);
  writeVector3Body(w, box.size);
}

/** Writes a BASIS body: nine float32, row-major. */
export function writeBasisBody(w: ByteWriter, b: Basis): void {
  for (let i = 0; i < 9; i++) w.f32(b.elements[i] as number);
}

/** Writes a TRANSFORM body: the basis' nine float32, then the origin's three. */
export function writeTransformBody(w: ByteWriter, t: Transform): void {
  writeBasisBody(w, t.basis);
  writeVector3Body(w, t.origin);
}

function writeFloat4(w: ByteWriter, a: number, b: number, c: number, d: number): void {
  w.f32(a);
  w.f32(b);
  w.f32(c);
  w.f32(d);
}
