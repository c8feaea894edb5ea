export { AABB } from './aabb.js';
export { Basis } from './basis.js';
export { ByteReader } from './byte-reader.js';
export { ByteWriter } from './byte-writer.js';
export { Callable } from './callable.js';
export { Color } from './color.js';
export { type ContainerType, ContainerTypeKind } from './container-type.js';
export { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
export { decodeVariant } from './decode-variant.js';
export { type DecodeOptions, type DecodeResult, decodeVariantWith } from './decode-variant-with.js';
export { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
export { encodeVariant } from './encode-variant.js';
export { encodeVariantWith } from './encode-variant-with.js';
export { EncodedObjectAsID } from './encoded-object-as-id.js';
export { type GetVarResult, getVar, type PacketSource } from './get-var.js';
export { godot3Codec } from './godot3-codec.js';
export { godot3CoreCodec } from './godot3-core-codec.js';
export {
  godot3AABB,
  godot3Basis,
  godot3Color,
  godot3NodePath,
  godot3Plane,
  godot3PoolByteArray,
  godot3PoolColorArray,
  godot3PoolIntArray,
  godot3PoolRealArray,
  godot3PoolStringArray,
  godot3PoolVector2Array,
  godot3PoolVector3Array,
  godot3Quat,
  godot3Rect2,
  godot3RID,
  godot3Transform,
  godot3Transform2D,
  godot3Types,
  godot3Vector2,
  godot3Vector3,
} from './godot3-types.js';
export { godot4Codec } from './godot4-codec.js';
export { godot4CoreCodec } from './godot4-core-codec.js';
export { godot4DoubleCodec } from './godot4-double-codec.js';
export {
  godot4AABB,
  godot4Basis,
  godot4Callable,
  godot4Color,
  godot4NodePath,
  godot4Object,
  godot4PackedByteArray,
  godot4PackedColorArray,
  godot4PackedFloat32Array,
  godot4PackedFloat64Array,
  godot4PackedInt32Array,
  godot4PackedInt64Array,
  godot4PackedStringArray,
  godot4PackedVector2Array,
  godot4PackedVector3Array,
  godot4PackedVector4Array,
  godot4Plane,
  godot4Projection,
  godot4Quaternion,
  godot4Rect2,
  godot4Rect2i,
  godot4RID,
  godot4Signal,
  godot4StringName,
  godot4Transform2D,
  godot4Transform3D,
  godot4Types,
  godot4Vector2,
  godot4Vector2i,
  godot4Vector3,
  godot4Vector3i,
  godot4Vector4,
  godot4Vector4i,
} from './godot4-types.js';
export { NodePath } from './node-path.js';
export { PackedColorArray } from './packed-color-array.js';
export { PackedStringArray } from './packed-string-array.js';
export { PackedVector2Array } from './packed-vector2-array.js';
export { PackedVector3Array } from './packed-vector3-array.js';
export { PackedVector4Array } from './packed-vector4-array.js';
export { Plane } from './plane.js';
export { PoolColorArray } from './pool-color-array.js';
export { PoolStringArray } from './pool-string-array.js';
export { PoolVector2Array } from './pool-vector2-array.js';
export { PoolVector3Array } from './pool-vector3-array.js';
export { Projection } from './projection.js';
export { ENCODE_BUFFER_MAX_SIZE, type PacketSink, putVar } from './put-var.js';
export { Quat } from './quat.js';
export { Quaternion } from './quaternion.js';
export { readVariant } from './read-variant.js';
export { readVariantWith } from './read-variant-with.js';
export { Real } from './real.js';
export { Rect2 } from './rect2.js';
export { Rect2i } from './rect2i.js';
export { RID } from './rid.js';
export { Signal } from './signal.js';
export { StringName } from './string-name.js';
export { Transform } from './transform.js';
export { Transform2D } from './transform2d.js';
export { Transform3D } from './transform3d.js';
export { TypedVariantArray } from './typed-variant-array.js';
export { TypedVariantDictionary } from './typed-variant-dictionary.js';
export type { Variant, VariantArray, VariantDictionary, VariantRecord } from './variant.js';
export { VariantBytes } from './variant-bytes.js';
export type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
export { VariantError } from './variant-error.js';
export { ENCODE_FLAG_64, VariantType } from './variant-type.js';
export type { VariantTypeEntry } from './variant-type-entry.js';
export { VariantType4 } from './variant-type4.js';
export type { Variant4, VariantArray4, VariantDictionary4, VariantRecord4 } from './variant4.js';
export { Vector2 } from './vector2.js';
export { Vector2i } from './vector2i.js';
export { Vector3 } from './vector3.js';
export { Vector3i } from './vector3i.js';
export { Vector4 } from './vector4.js';
export { Vector4i } from './vector4i.js';
export { withTypes } from './with-types.js';
export { writeVariant } from './write-variant.js';
export { writeVariantWith } from './write-variant-with.js';
