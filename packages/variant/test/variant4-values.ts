/**
 * The Godot 4 Variant catalogue: one or more values of every type of `core/variant/variant.h` (4.6),
 * each with the bytes Godot 4.6's `encode_variant` (`core/io/marshalls.cpp`) writes for it in an
 * official (single-precision) build, worked out from that source, and the GDScript expression that
 * builds the same value. The golden-bytes test checks our codec against `bytes`; a live Godot 4.6 test
 * can run `var_to_bytes(<gd>)` in the engine and compare with `bytes` (and `bytes_to_var(bytes) == <gd>`
 * with `typeof` and `is_same_typed` checks) without a second list. Web APIs only: runs in Node and
 * Chromium.
 */
import {
  AABB,
  Basis,
  Callable,
  Color,
  EncodedObjectAsID,
  NodePath,
  PackedColorArray,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  Plane,
  Projection,
  Quaternion,
  Real,
  Rect2,
  Rect2i,
  RID,
  Signal,
  StringName,
  Transform2D,
  Transform3D,
  TypedVariantArray,
  TypedVariantDictionary,
  type Variant4,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
} from '@wspeer/variant';

/** One catalogue entry. */
export interface Variant4Case {
  /** What the case shows. */
  readonly name: string;
  /**
   * A GDScript (4.6) expression for the same value, or `null` when a script cannot build it (the
   * instance id of a live object, a script-typed container, a double-precision encoding).
   */
  readonly gd: string | null;
  /** What we encode. */
  readonly value: Variant4;
  /** `encode_variant`'s bytes, hex (spaces ignored). */
  readonly bytes: string;
  /** What decoding `bytes` gives, when it differs from `value` (`Real` unwraps to a number). */
  readonly decoded?: Variant4;
}

const IDENTITY_BASIS = '0000803f 00000000 00000000 00000000 0000803f 00000000 00000000 00000000 0000803f';

// Header: `uint32 type | flags` (HEADER_TYPE_MASK 0xFF; HEADER_DATA_FLAG_64 and
// HEADER_DATA_FLAG_OBJECT_AS_ID are bit 16; typed containers use bits 16-19). All little-endian.
export const VARIANT4_CASES: readonly Variant4Case[] = [
  // encode_variant: NIL has no body.
  { name: 'NIL', gd: 'null', value: null, bytes: '00000000' },
  // BOOL: encode_uint32(bool).
  { name: 'BOOL true', gd: 'true', value: true, bytes: '01000000 01000000' },
  { name: 'BOOL false', gd: 'false', value: false, bytes: '01000000 00000000' },
  // INT: int32 unless `val > INT_MAX || val < INT_MIN`, then HEADER_DATA_FLAG_64 and encode_uint64.
  { name: 'INT 42', gd: '42', value: 42, bytes: '02000000 2a000000' },
  { name: 'INT -7', gd: '-7', value: -7, bytes: '02000000 f9ffffff' },
  { name: 'INT 2^31 (first int64)', gd: '2147483648', value: 2 ** 31, bytes: '02000100 00000080 00000000' },
  { name: 'INT 2^40', gd: '1099511627776', value: 2 ** 40, bytes: '02000100 00000000 00010000' },
  {
    name: 'INT 2^53 + 1 (a bigint)',
    gd: '9007199254740993',
    value: 2n ** 53n + 1n,
    bytes: '02000100 01000000 00002000',
  },
  // FLOAT: float32 unless `double(float(d)) != d`, then HEADER_DATA_FLAG_64 and encode_double.
  // godot4-scene-multiplayer.md observed `03000000 0000c03f` = 1.5 and `03000100` + 8 bytes = 3.14159.
  { name: 'FLOAT 1.5 (observed)', gd: '1.5', value: 1.5, bytes: '03000000 0000c03f' },
  // biome-ignore lint/suspicious/noApproximativeNumericConstant: the observed value, not an approximation of PI.
  { name: 'FLOAT 3.14159 (observed: float64)', gd: '3.14159', value: 3.14159, bytes: '03000100 6e861bf0 f9210940' },
  { name: 'FLOAT 3.0 (Real)', gd: '3.0', value: new Real(3), bytes: '03000000 00004040', decoded: 3 },
  // STRING: _encode_string: uint32 UTF-8 length, the bytes, zero padding to 4.
  { name: 'STRING non-ASCII', gd: '"héllo"', value: 'héllo', bytes: '04000000 06000000 68c3a96c 6c6f0000' },
  { name: 'STRING empty', gd: '""', value: '', bytes: '04000000 00000000' },
  // Math types: encode_real per component (float32 here), in the member order of each case.
  { name: 'VECTOR2', gd: 'Vector2(1.5, -2)', value: new Vector2(1.5, -2), bytes: '05000000 0000c03f 000000c0' },
  // VECTOR2I / RECT2I / VECTOR3I / VECTOR4I: encode_uint32 per component.
  { name: 'VECTOR2I', gd: 'Vector2i(1, -2)', value: new Vector2i(1, -2), bytes: '06000000 01000000 feffffff' },
  {
    name: 'RECT2 (position, size)',
    gd: 'Rect2(1, 2, 3, 4)',
    value: new Rect2(1, 2, 3, 4),
    bytes: '07000000 0000803f 00000040 00004040 00008040',
  },
  {
    name: 'RECT2I',
    gd: 'Rect2i(1, 2, 3, -4)',
    value: new Rect2i(1, 2, 3, -4),
    bytes: '08000000 01000000 02000000 03000000 fcffffff',
  },
  {
    name: 'VECTOR3',
    gd: 'Vector3(1, 2, 3)',
    value: new Vector3(1, 2, 3),
    bytes: '09000000 0000803f 00000040 00004040',
  },
  {
    name: 'VECTOR3I',
    gd: 'Vector3i(-1, 0, 7)',
    value: new Vector3i(-1, 0, 7),
    bytes: '0a000000 ffffffff 00000000 07000000',
  },
  {
    // TRANSFORM2D: columns[i][j] for i in 0..2 (x, y, origin), j in 0..1.
    name: 'TRANSFORM2D (x, y, origin)',
    gd: 'Transform2D(Vector2(1, 0), Vector2(0, 1), Vector2(5, -1))',
    value: new Transform2D(new Vector2(1, 0), new Vector2(0, 1), new Vector2(5, -1)),
    bytes: '0b000000 0000803f 00000000 00000000 0000803f 0000a040 000080bf',
  },
  {
    name: 'VECTOR4',
    gd: 'Vector4(1, 2, 3, 4)',
    value: new Vector4(1, 2, 3, 4),
    bytes: '0c000000 0000803f 00000040 00004040 00008040',
  },
  {
    name: 'VECTOR4I',
    gd: 'Vector4i(1, -1, 2, -2)',
    value: new Vector4i(1, -1, 2, -2),
    bytes: '0d000000 01000000 ffffffff 02000000 feffffff',
  },
  {
    name: 'PLANE (normal, d)',
    gd: 'Plane(0, 1, 0, 5)',
    value: new Plane(0, 1, 0, 5),
    bytes: '0e000000 00000000 0000803f 00000000 0000a040',
  },
  {
    name: 'QUATERNION identity',
    gd: 'Quaternion.IDENTITY',
    value: new Quaternion(),
    bytes: '0f000000 00000000 00000000 00000000 0000803f',
  },
  {
    name: 'AABB (position, size)',
    gd: 'AABB(Vector3(1, 2, 3), Vector3(4, 5, 6))',
    value: new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6)),
    bytes: '10000000 0000803f 00000040 00004040 00008040 0000a040 0000c040',
  },
  {
    // BASIS: rows[i][j], row-major; GDScript's Basis(x, y, z) takes the columns.
    name: 'BASIS rows 1 2 3 / 4 5 6 / 7 8 9',
    gd: 'Basis(Vector3(1, 4, 7), Vector3(2, 5, 8), Vector3(3, 6, 9))',
    value: new Basis([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    bytes: '11000000 0000803f 00000040 00004040 00008040 0000a040 0000c040 0000e040 00000041 00001041',
  },
  {
    // TRANSFORM3D: basis.rows[i][j], then origin x, y, z.
    name: 'TRANSFORM3D',
    gd: 'Transform3D(Basis.IDENTITY, Vector3(1, 2, 3))',
    value: new Transform3D(new Basis(), new Vector3(1, 2, 3)),
    bytes: `12000000 ${IDENTITY_BASIS} 0000803f 00000040 00004040`,
  },
  {
    // PROJECTION: columns[i][j] for i, j in 0..3.
    name: 'PROJECTION (columns)',
    gd: 'Projection(Vector4(1, 2, 3, 4), Vector4(0, 1, 0, 0), Vector4(0, 0, 1, 0), Vector4(5, 6, 7, 1))',
    value: new Projection(
      new Vector4(1, 2, 3, 4),
      new Vector4(0, 1, 0, 0),
      new Vector4(0, 0, 1, 0),
      new Vector4(5, 6, 7, 1),
    ),
    bytes:
      '13000000 0000803f 00000040 00004040 00008040 00000000 0000803f 00000000 00000000 ' +
      '00000000 00000000 0000803f 00000000 0000a040 0000c040 0000e040 0000803f',
  },
  // COLOR: encode_float per component ("Colors should always be in single-precision").
  {
    name: 'COLOR',
    gd: 'Color(1, 0.5, 0, 1)',
    value: new Color(1, 0.5, 0, 1),
    bytes: '14000000 0000803f 0000003f 00000000 0000803f',
  },
  // STRING_NAME: `case Variant::STRING: case Variant::STRING_NAME: _encode_string`.
  { name: 'STRING_NAME', gd: '&"hi"', value: new StringName('hi'), bytes: '15000000 02000000 68690000' },
  {
    // NODE_PATH: name count | 0x80000000, subname count, flags (1: absolute), then each name and subname.
    name: 'NODE_PATH absolute with a subname',
    gd: '^"/root/a:b"',
    value: NodePath.parse('/root/a:b'),
    bytes: '16000000 02000080 01000000 01000000 04000000 726f6f74 01000000 61000000 01000000 62000000',
  },
  // RID: encode_uint64(rid.get_id()).
  { name: 'RID', gd: 'rid_from_int64(5)', value: new RID(5n), bytes: '17000000 05000000 00000000' },
  // OBJECT: not full objects: HEADER_DATA_FLAG_OBJECT_AS_ID, then encode_uint64(instance id).
  {
    name: 'OBJECT as id',
    gd: null,
    value: new EncodedObjectAsID(0x1234_5678_9abcn),
    bytes: '18000100 bc9a7856 34120000',
  },
  // CALLABLE: header only.
  { name: 'CALLABLE', gd: 'Callable()', value: new Callable(), bytes: '19000000' },
  // SIGNAL: _encode_string(name), then encode_uint64(object id).
  { name: 'SIGNAL empty', gd: 'Signal()', value: new Signal(), bytes: '1a000000 00000000 00000000 00000000' },
  { name: 'SIGNAL', gd: null, value: new Signal(9n, 'hit'), bytes: '1a000000 03000000 68697400 09000000 00000000' },
  {
    // DICTIONARY: no container types (bits 16-19 zero), count, then key and value per entry.
    name: 'DICTIONARY',
    gd: '{"a": 1}',
    value: new Map<Variant4, Variant4>([['a', 1]]),
    bytes: '1b000000 01000000 04000000 01000000 61000000 02000000 01000000',
  },
  {
    // Typed: CONTAINER_TYPE_KIND_BUILTIN (1) for the key (bits 16-17) and the value (bits 18-19),
    // each followed by encode_uint32(builtin type): TYPE_STRING 4, TYPE_INT 2.
    name: 'DICTIONARY[String, int]',
    gd: 'Dictionary({"a": 1}, TYPE_STRING, &"", null, TYPE_INT, &"", null)',
    value: new TypedVariantDictionary<Variant4, Variant4>({ kind: 1, type: 4 }, { kind: 1, type: 2 }, [['a', 1]]),
    bytes: '1b000500 04000000 02000000 01000000 04000000 01000000 61000000 02000000 01000000',
  },
  {
    name: 'DICTIONARY[String, Variant] (key typed only)',
    gd: 'Dictionary({}, TYPE_STRING, &"", null, TYPE_NIL, &"", null)',
    value: new TypedVariantDictionary({ kind: 1, type: 4 }, null),
    bytes: '1b000100 04000000 00000000',
  },
  {
    name: 'ARRAY',
    gd: '[1, "a"]',
    value: [1, 'a'],
    bytes: '1c000000 02000000 02000000 01000000 04000000 01000000 61000000',
  },
  {
    // Typed: CONTAINER_TYPE_KIND_BUILTIN in bits 16-17, encode_uint32(TYPE_INT = 2), count, items.
    name: 'ARRAY[int]',
    gd: 'Array([1, 2], TYPE_INT, &"", null)',
    value: new TypedVariantArray({ kind: 1, type: 2 }, [1, 2]),
    bytes: '1c000100 02000000 02000000 02000000 01000000 02000000 02000000',
  },
  {
    // An object-typed Array without full objects: CONTAINER_TYPE_KIND_CLASS_NAME and the class name
    // EncodedObjectAsID::get_class_static(), whatever the real class.
    name: 'ARRAY[Node] (class name kind)',
    gd: 'Array([], TYPE_OBJECT, &"Node", null)',
    value: new TypedVariantArray({ kind: 2, className: 'EncodedObjectAsID' }),
    bytes: '1c000200 11000000 456e636f 6465644f 626a6563 74417349 44000000 00000000',
  },
  {
    // CONTAINER_TYPE_KIND_SCRIPT: written only with full objects; decoded and kept.
    name: 'ARRAY typed by script path',
    gd: null,
    value: new TypedVariantArray({ kind: 3, script: 'res://a.gd' }),
    bytes: '1c000300 0a000000 7265733a 2f2f612e 67640000 00000000',
  },
  // Packed arrays: count, then the elements (bytes padded to 4).
  {
    name: 'PACKED_BYTE_ARRAY',
    gd: 'PackedByteArray([1, 2, 3, 4, 5])',
    value: Uint8Array.of(1, 2, 3, 4, 5),
    bytes: '1d000000 05000000 01020304 05000000',
  },
  {
    name: 'PACKED_INT32_ARRAY',
    gd: 'PackedInt32Array([1, -1])',
    value: Int32Array.of(1, -1),
    bytes: '1e000000 02000000 01000000 ffffffff',
  },
  {
    name: 'PACKED_INT64_ARRAY',
    gd: 'PackedInt64Array([1, -1, 1099511627776])',
    value: BigInt64Array.of(1n, -1n, 2n ** 40n),
    bytes: '1f000000 03000000 01000000 00000000 ffffffff ffffffff 00000000 00010000',
  },
  {
    name: 'PACKED_FLOAT32_ARRAY',
    gd: 'PackedFloat32Array([0.5, -2])',
    value: Float32Array.of(0.5, -2),
    bytes: '20000000 02000000 0000003f 000000c0',
  },
  {
    name: 'PACKED_FLOAT64_ARRAY',
    gd: 'PackedFloat64Array([0.1])',
    value: Float64Array.of(0.1),
    bytes: '21000000 01000000 9a999999 9999b93f',
  },
  {
    // Each string: encode_uint32(utf8.length() + 1), the bytes and their NUL, padding to 4.
    name: 'PACKED_STRING_ARRAY',
    gd: 'PackedStringArray(["ab", ""])',
    value: new PackedStringArray(['ab', '']),
    bytes: '22000000 02000000 03000000 61620000 01000000 00000000',
  },
  {
    name: 'PACKED_VECTOR2_ARRAY',
    gd: 'PackedVector2Array([Vector2(1, 2)])',
    value: new PackedVector2Array([new Vector2(1, 2)]),
    bytes: '23000000 01000000 0000803f 00000040',
  },
  {
    name: 'PACKED_VECTOR3_ARRAY',
    gd: 'PackedVector3Array([Vector3(1, 2, 3)])',
    value: new PackedVector3Array([new Vector3(1, 2, 3)]),
    bytes: '24000000 01000000 0000803f 00000040 00004040',
  },
  {
    name: 'PACKED_COLOR_ARRAY',
    gd: 'PackedColorArray([Color(1, 0, 0, 1)])',
    value: new PackedColorArray([new Color(1, 0, 0, 1)]),
    bytes: '25000000 01000000 0000803f 00000000 00000000 0000803f',
  },
  {
    name: 'PACKED_VECTOR4_ARRAY',
    gd: 'PackedVector4Array([Vector4(1, 2, 3, 4)])',
    value: new PackedVector4Array([new Vector4(1, 2, 3, 4)]),
    bytes: '26000000 01000000 0000803f 00000040 00004040 00008040',
  },
];

/**
 * What a double-precision Godot 4 build writes (`#ifdef REAL_T_IS_DOUBLE` in encode_variant:
 * HEADER_DATA_FLAG_64 and encode_real as a double for the real-based math types and the Vector
 * packed arrays; COLOR and the integer vectors unchanged). `godot4DoubleCodec` writes these bytes;
 * `godot4Codec` decodes them.
 */
export const VARIANT4_DOUBLE_CASES: readonly Variant4Case[] = [
  {
    name: 'VECTOR2 (float64 reals)',
    gd: null,
    value: new Vector2(0.1, 2),
    bytes: '05000100 9a999999 9999b93f 00000000 00000040',
  },
  {
    name: 'RECT2 (float64 reals)',
    gd: null,
    value: new Rect2(1, 2, 3, 4),
    bytes: '07000100 00000000 0000f03f 00000000 00000040 00000000 00000840 00000000 00001040',
  },
  {
    name: 'QUATERNION (float64 reals)',
    gd: null,
    value: new Quaternion(),
    bytes: '0f000100 00000000 00000000 00000000 00000000 00000000 00000000 00000000 0000f03f',
  },
  {
    name: 'PACKED_VECTOR2_ARRAY (float64 reals)',
    gd: null,
    value: new PackedVector2Array([new Vector2(1, 2)]),
    bytes: '23000100 01000000 00000000 0000f03f 00000000 00000040',
  },
  {
    name: 'COLOR stays float32',
    gd: null,
    value: new Color(1, 0.5, 0, 1),
    bytes: '14000000 0000803f 0000003f 00000000 0000803f',
  },
  { name: 'VECTOR2I stays int32', gd: null, value: new Vector2i(1, -2), bytes: '06000000 01000000 feffffff' },
];

/** Hex of bytes. */
export const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Bytes of hex (spaces ignored). */
export const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** What a case decodes to: `decoded`, else `value` with `Real` unwrapped. */
export const expectedOf = (c: Variant4Case): Variant4 =>
  c.decoded !== undefined ? c.decoded : c.value instanceof Real ? c.value.value : c.value;
