/**
 * The value catalogue shared by the Godot RPC interop tests, in the order of
 * `packages/test-kit/godot/rpc_values.gd`: one value of every Variant type Godot 3.2 can send,
 * with limits and nesting. Web APIs only, so it runs in Node and in Chromium.
 */
import {
  AABB,
  Basis,
  Color,
  NodePath,
  Plane,
  PoolColorArray,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  Quat,
  Real,
  Rect2,
  RID,
  Transform,
  Transform2D,
  type Variant,
  Vector2,
  Vector3,
} from 'wspeer/rpc';

// The value catalogue (same order as rpc_values.gd). [name, what we send, what we must decode
// (default: what we send, with Real unwrapped)]. Floats inside vectors, rects, quats, colors and
// pool arrays are float32 on the wire, so 0.1 there decodes as Math.fround(0.1).
const f = Math.fround;
export const VALUES: Array<[string, Variant, Variant?]> = [
  ['nil', null],
  ['bool true', true],
  ['bool false', false],
  ['int', 42],
  ['negative int', -7],
  ['int32 max', 2147483647],
  ['int32 min', -2147483648],
  ['int64', 1099511627776],
  ['int64 beyond 2^53', 9007199254740993n],
  ['int64 near min', -9223372036854775807n],
  ['float 0.5 (float32)', 0.5],
  ['float 0.1 (float64)', 0.1],
  ['whole float 3.0', new Real(3), 3],
  ['float64', -123456.789],
  ['String, non-ASCII', 'héllo wörld ✓ 日本 🎮'],
  ['empty String', ''],
  ['Vector2', new Vector2(0.1, -2.25), new Vector2(f(0.1), -2.25)],
  ['Rect2', new Rect2(1, 2, 3.5, 0.1), new Rect2(1, 2, 3.5, f(0.1))],
  ['Vector3', new Vector3(1, -2.5, 0.1), new Vector3(1, -2.5, f(0.1))],
  ['Transform2D', new Transform2D(new Vector2(1, 2), new Vector2(3, 4), new Vector2(5.5, -6.5))],
  ['Plane', new Plane(0, 1, 0, 2.5)],
  ['Quat', new Quat(0.1, 0.2, 0.3, 0.9), new Quat(f(0.1), f(0.2), f(0.3), f(0.9))],
  ['AABB', new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6))],
  ['Basis', Basis.fromAxes(new Vector3(1, 2, 3), new Vector3(4, 5, 6), new Vector3(7, 8, 9))],
  [
    'Transform',
    new Transform(
      Basis.fromAxes(new Vector3(1, 0, 0), new Vector3(0, 0.5, 0), new Vector3(0, 0, 2)),
      new Vector3(10, -11, 0.1),
    ),
    new Transform(
      Basis.fromAxes(new Vector3(1, 0, 0), new Vector3(0, 0.5, 0), new Vector3(0, 0, 2)),
      new Vector3(10, -11, f(0.1)),
    ),
  ],
  ['Color', new Color(0.1, 0.2, 0.3, 0.4), new Color(f(0.1), f(0.2), f(0.3), f(0.4))],
  ['NodePath', NodePath.parse('Probe/Child:position:x')],
  ['absolute NodePath', NodePath.parse('/root/Probe')],
  ['RID', new RID()],
  [
    'Dictionary',
    new Map<Variant, Variant>([
      ['k', 'v'],
      [7, new Uint8Array([1, 2, 3, 4, 5])],
      [new Vector2(1, 2), [1, 'two', new Real(3)]],
      [
        'nested',
        new Map<Variant, Variant>([
          ['a', null],
          ['b', -0.5],
        ]),
      ],
    ]),
  ],
  ['empty Dictionary', new Map()],
  ['Array', [1, 'two', new Real(3), [4, [5.5]], new Map([['x', 0.1]]), null, true, new Vector3(1, 2, 3)]],
  ['empty Array', []],
  ['PoolByteArray', new Uint8Array([0, 1, 127, 128, 255])],
  ['empty PoolByteArray', new Uint8Array()],
  ['PoolIntArray', new Int32Array([0, -1, 2147483647, -2147483648])],
  ['PoolRealArray', new Float32Array([0.5, -1.25, 0.1])],
  ['PoolStringArray', new PoolStringArray(['a', 'héllo', '', '日本🎮'])],
  [
    'PoolVector2Array',
    new PoolVector2Array([new Vector2(1, 2), new Vector2(-0.5, 0.1)]),
    new PoolVector2Array([new Vector2(1, 2), new Vector2(-0.5, f(0.1))]),
  ],
  [
    'PoolVector3Array',
    new PoolVector3Array([new Vector3(1, 2, 3), new Vector3(0.1, 0.2, 0.3)]),
    new PoolVector3Array([new Vector3(1, 2, 3), new Vector3(f(0.1), f(0.2), f(0.3))]),
  ],
  [
    'PoolColorArray',
    new PoolColorArray([new Color(1, 0, 0, 1), new Color(0.1, 0.2, 0.3, 0.4)]),
    new PoolColorArray([new Color(1, 0, 0, 1), new Color(f(0.1), f(0.2), f(0.3), f(0.4))]),
  ],
];
/** rpc_values.gd's COUNT. */
export const COUNT = 41;

/** Real unwrapped (decoded floats are plain numbers), recursively. */
export function unwrap(value: Variant): Variant {
  if (value instanceof Real) return value.value;
  if (Array.isArray(value)) return value.map(unwrap);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [unwrap(k), unwrap(v)]));
  return value;
}

export const SEND: Variant[] = VALUES.map(([, send]) => send);
export const EXPECTED: Variant[] = VALUES.map(([, send, got]) => (got === undefined ? unwrap(send) : got));
