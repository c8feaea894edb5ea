import type { AABB } from './aabb.js';
import type { Basis } from './basis.js';
import type { ByteWriter } from './byte-writer.js';
import type { Color } from './color.js';
import type { Plane } from './plane.js';
import type { Quat } from './quat.js';
import type { Rect2 } from './rect2.js';
import type { Transform } from './transform.js';
import type { Transform2D } from './transform2d.js';
import { VariantType } from './variant-type.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';

/** Writes a VECTOR2 Variant. */
export function writeVector2(w: ByteWriter, v: Vector2): void {
  w.u32(VariantType.VECTOR2);
  writeVector2Body(w, v);
}

/** Writes the two float32 of a Vector2 (no header). */
export function writeVector2Body(w: ByteWriter, v: Vector2): void {
  w.f32(v.x);
  w.f32(v.y);
}

/** Writes a VECTOR3 Variant. */
export function writeVector3(w: ByteWriter, v: Vector3): void {
  w.u32(VariantType.VECTOR3);
  writeVector3Body(w, v);
}

/** Writes the three float32 of a Vector3 (no header). */
export function writeVector3Body(w: ByteWriter, v: Vector3): void {
  w.f32(v.x);
  w.f32(v.y);
  w.f32(v.z);
}

/** Writes a RECT2 Variant: x, y, width, height. */
export function writeRect2(w: ByteWriter, r: Rect2): void {
  writeFloat4(w, VariantType.RECT2, r.x, r.y, r.width, r.height);
}

/** Writes a PLANE Variant: normal x, y, z, then d. */
export function writePlane(w: ByteWriter, p: Plane): void {
  writeFloat4(w, VariantType.PLANE, p.x, p.y, p.z, p.d);
}

/** Writes a QUAT Variant: x, y, z, w. */
export function writeQuat(w: ByteWriter, q: Quat): void {
  writeFloat4(w, VariantType.QUAT, q.x, q.y, q.z, q.w);
}

/** Writes a COLOR Variant: r, g, b, a. */
export function writeColor(w: ByteWriter, c: Color): void {
  writeFloat4(w, VariantType.COLOR, c.r, c.g, c.b, c.a);
}

/** Writes the four float32 of a Color (no header). */
export function writeColorBody(w: ByteWriter, c: Color): void {
  w.f32(c.r);
  w.f32(c.g);
  w.f32(c.b);
  w.f32(c.a);
}

/** Writes a TRANSFORM2D Variant: x axis, y axis, origin. */
export function writeTransform2D(w: ByteWriter, t: Transform2D): void {
  w.u32(VariantType.TRANSFORM2D);
  writeVector2Body(w, t.x);
  writeVector2Body(w, t.y);
  writeVector2Body(w, t.origin);
}

/** Writes an AABB Variant: position, then size. */
export function writeAABB(w: ByteWriter, box: AABB): void {
  w.u32(VariantType.AABB);
  writeVector3Body(w, box.position);
  writeVector3Body(w, box.size);
}

/** Writes a BASIS Variant: nine float32, row-major. */
export function writeBasis(w: ByteWriter, b: Basis): void {
  w.u32(VariantType.BASIS);
  writeBasisBody(w, b);
}

/** Writes a TRANSFORM Variant: the basis' nine float32, then the origin's three. */
export function writeTransform(w: ByteWriter, t: Transform): void {
  w.u32(VariantType.TRANSFORM);
  writeBasisBody(w, t.basis);
  writeVector3Body(w, t.origin);
}

function writeBasisBody(w: ByteWriter, b: Basis): void {
  const e = b.elements;
  for (let i = 0; i < 9; i++) w.f32(e[i]);
}

function writeFloat4(w: ByteWriter, type: number, a: number, b: number, c: number, d: number): void {
  w.u32(type);
  w.f32(a);
  w.f32(b);
  w.f32(c);
  w.f32(d);
}
