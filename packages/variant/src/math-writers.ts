import type { AABB } from './aabb.js';
import type { Basis } from './basis.js';
import type { ByteWriter } from './byte-writer.js';
import type { Color } from './color.js';
import type { Plane } from './plane.js';
import type { Rect2 } from './rect2.js';
import type { Transform2D } from './transform2d.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';
import { writeRealComponent } from './write-variant-with.js';

// Body writers of the math types, shared by Godot 3 and 4: the components in wire order, each a
// float32 or, for a table with `realWrite` (Godot 4 double precision), a float64: see `writeRealComponent`.

/** Something with x, y, z and w components (Quat, Quaternion, Vector4). */
export interface XYZW {
  /** X. */
  readonly x: number;
  /** Y. */
  readonly y: number;
  /** Z. */
  readonly z: number;
  /** W. */
  readonly w: number;
}

/** A basis and an origin (Transform, Transform3D). */
export interface BasisOrigin {
  /** The rotation/scale part. */
  readonly basis: Basis;
  /** The translation. */
  readonly origin: Vector3;
}

/** VECTOR2: x, y. */
export function writeVector2(w: ByteWriter, v: Vector2): void {
  writeRealComponent(w, v.x);
  writeRealComponent(w, v.y);
}

/** VECTOR3: x, y, z. */
export function writeVector3(w: ByteWriter, v: Vector3): void {
  writeRealComponent(w, v.x);
  writeRealComponent(w, v.y);
  writeRealComponent(w, v.z);
}

/** RECT2: x, y, width, height. */
export function writeRect2(w: ByteWriter, r: Rect2): void {
  reals4(w, r.x, r.y, r.width, r.height);
}

/** PLANE: normal x, y, z, then d. */
export function writePlane(w: ByteWriter, p: Plane): void {
  reals4(w, p.x, p.y, p.z, p.d);
}

/** QUAT / QUATERNION / VECTOR4: x, y, z, w. */
export function writeXYZW(w: ByteWriter, v: XYZW): void {
  reals4(w, v.x, v.y, v.z, v.w);
}

/** TRANSFORM2D: x axis, y axis, origin. */
export function writeTransform2D(w: ByteWriter, t: Transform2D): void {
  writeVector2(w, t.x);
  writeVector2(w, t.y);
  writeVector2(w, t.origin);
}

/** AABB: position, then size. */
export function writeAABB(w: ByteWriter, box: AABB): void {
  writeVector3(w, box.position);
  writeVector3(w, box.size);
}

/** BASIS: nine reals, row-major. */
export function writeBasis(w: ByteWriter, b: Basis): void {
  for (let i = 0; i < 9; i++) writeRealComponent(w, b.elements[i] as number);
}

/** TRANSFORM / TRANSFORM3D: the basis' nine reals, then the origin's three. */
export function writeBasisOrigin(w: ByteWriter, t: BasisOrigin): void {
  writeBasis(w, t.basis);
  writeVector3(w, t.origin);
}

/** COLOR: r, g, b, a, always float32 (also in Godot 4 double builds). */
export function writeColor(w: ByteWriter, c: Color): void {
  w.f32(c.r);
  w.f32(c.g);
  w.f32(c.b);
  w.f32(c.a);
}

function reals4(w: ByteWriter, a: number, b: number, c: number, d: number): void {
  writeRealComponent(w, a);
  writeRealComponent(w, b);
  writeRealComponent(w, c);
  writeRealComponent(w, d);
}
