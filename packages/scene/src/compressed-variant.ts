import {
  type ByteReader,
  type ByteWriter,
  DECODE_FAILED,
  type DecodeFailed,
  readVariantWith,
  type Variant4,
  type VariantCodec,
  writeVariantWith,
} from '@wspeer/variant';

/** Godot 4's Variant type ids of the two compressed types. */
const BOOL = 1;
const INT = 2;
/** Meta byte layout (`scene/main/multiplayer_api.cpp`): type in bits 0-5, encoding mode in bits 6-7. */
const TYPE_MASK = 0x3f;
const MODE_SHIFT = 6;
const BOOL_TRUE = 0x80;

/**
 * Writes one value the way Godot 4's `MultiplayerAPI::encode_and_compress_variant` does: a bool in
 * one byte (`0x01`, `0x81`), an int as a meta byte (type 2, width code 0-3 in bits 6-7) plus the
 * smallest of 1, 2, 4 or 8 little-endian bytes, anything else as its full Godot 4 Variant encoding
 * by `codec` (a Godot 4 codec: `godot4CoreCodec`, `godot4Codec` or one made with `withTypes`).
 * @throws VariantError for values with no form in `codec`.
 */
export function writeCompressed(w: ByteWriter, value: unknown, codec: VariantCodec): void {
  if (typeof value === 'boolean') {
    w.u8(BOOL | (value ? BOOL_TRUE : 0));
    return;
  }
  if ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint') {
    writeCompressedInt(w, value);
    return;
  }
  writeVariantWith(codec, w, value);
}

function writeCompressedInt(w: ByteWriter, value: number | bigint): void {
  const n = typeof value === 'bigint' && value >= -2147483648n && value <= 2147483647n ? Number(value) : value;
  if (typeof n === 'bigint' || n < -2147483648 || n > 2147483647) {
    w.u8(INT | (3 << MODE_SHIFT));
    w.i64(n);
  } else if (n >= -128 && n <= 127) {
    w.u8(INT);
    w.u8(n & 0xff);
  } else if (n >= -32768 && n <= 32767) {
    w.u8(INT | (1 << MODE_SHIFT));
    w.u8(n & 0xff);
    w.u8((n >> 8) & 0xff);
  } else {
    w.u8(INT | (2 << MODE_SHIFT));
    w.i32(n);
  }
}

/**
 * Reads one value written by {@link writeCompressed} (Godot's `decode_and_decompress_variant`), or
 * {@link DECODE_FAILED}. Never throws; never reads past `r.end`; objects are never decoded. Types
 * `codec` does not decode arrive as it reads them (`godot4CoreCodec`: as `VariantBytes`).
 */
export function readCompressed(r: ByteReader, maxDepth: number, codec: VariantCodec): Variant4 | DecodeFailed {
  if (r.remaining < 1) return DECODE_FAILED;
  const meta = r.bytes[r.pos] as number;
  const type = meta & TYPE_MASK;
  if (type === BOOL) {
    r.pos++;
    return (meta & BOOL_TRUE) !== 0;
  }
  if (type !== INT) return readVariantWith(codec, r, maxDepth) as Variant4 | DecodeFailed;
  r.pos++;
  const width = 1 << (meta >>> MODE_SHIFT);
  if (r.remaining < width) return DECODE_FAILED;
  if (width === 1) return (r.u8() << 24) >> 24;
  if (width === 2) return ((r.u8() | (r.u8() << 8)) << 16) >> 16;
  if (width === 4) return r.i32();
  return r.i64();
}

/**
 * Writes RPC arguments as Godot 4's `encode_and_compress_variants`: one PackedByteArray argument is
 * written raw (no header, no count) and so is an empty list; otherwise each value compressed.
 * Returns whether the raw form was used (the caller then sets the "byte only or no args" flag and
 * writes no argument count).
 */
export function writeCompressedArgs(w: ByteWriter, args: readonly unknown[], codec: VariantCodec): boolean {
  if (args.length === 0) return true;
  const only = args[0];
  if (args.length === 1 && only instanceof Uint8Array) {
    w.bytes(only);
    return true;
  }
  for (const arg of args) writeCompressed(w, arg, codec);
  return false;
}

/**
 * Reads `argc` compressed arguments (`decode_and_decompress_variants`); with `raw`, the rest of the
 * packet is one PackedByteArray argument (a view, not a copy), or none when nothing is left (`argc`
 * is not used). `undefined` when they do not decode. Other values are read with `codec`.
 */
export function readCompressedArgs(
  r: ByteReader,
  argc: number,
  raw: boolean,
  maxDepth: number,
  codec: VariantCodec,
): Variant4[] | undefined {
  if (raw) return r.remaining < 1 ? [] : [r.bytes.subarray(r.pos, r.end)];
  const args: Variant4[] = [];
  for (let i = 0; i < argc; i++) {
    if (r.remaining < 1) return undefined;
    const value = readCompressed(r, maxDepth, codec);
    if (value === DECODE_FAILED) return undefined;
    args.push(value);
  }
  return args;
}
