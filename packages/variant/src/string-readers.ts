import { decodeUtf8 } from '@wspeer/core';
import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { NodePath } from './node-path.js';
import { pad4 } from './pad4.js';
import type { BodyReader } from './variant-codec.js';

/** Strings up to this many bytes are tried as ASCII in JS before calling the (costlier) TextDecoder. */
const ASCII_FAST_PATH_MAX = 32;

/**
 * Reads Godot's string body: uint32 byte length, UTF-8 bytes, zero padding to 4 (which must be
 * present, as Godot requires). Invalid UTF-8 fails; a leading BOM is dropped (Godot's `parse_utf8`
 * and `TextDecoder` both skip it); NUL bytes are kept.
 */
export function readStringBody(r: ByteReader): string | DecodeFailed {
  if (r.remaining < 4) return DECODE_FAILED;
  const length = r.u32();
  const padded = length + pad4(length);
  if (padded > r.remaining) return DECODE_FAILED;
  const text = decodeText(r.bytes, r.pos, length);
  r.pos += padded;
  return text ?? DECODE_FAILED;
}

/**
 * Reads a NODE_PATH body (at least 12 bytes remain). The pre-3.0 format (bit 31 of the first word
 * clear) fails, as in Godot 3.2.
 */
export function readNodePath(r: ByteReader): NodePath | DecodeFailed {
  const first = r.u32();
  if ((first & 0x80000000) === 0) return DECODE_FAILED;
  const nameCount = first & 0x7fffffff;
  const storedSubnames = r.u32();
  const flags = r.u32();
  // Flag bit 1 marks an obsolete layout with the property stored apart; Godot reads it as one more subname.
  const subnameCount = storedSubnames + ((flags & 2) >>> 1);
  if ((nameCount + subnameCount) * 4 > r.remaining) return DECODE_FAILED;
  const names = readStrings(r, nameCount);
  if (names === DECODE_FAILED) return DECODE_FAILED;
  const subnames = readStrings(r, subnameCount);
  if (subnames === DECODE_FAILED) return DECODE_FAILED;
  return new NodePath(names, subnames, (flags & 1) !== 0);
}

/**
 * A reader of a string pool (POOL_STRING_ARRAY, PACKED_STRING_ARRAY) into `C`: a count, then each
 * string, dropping the one NUL that ends each string on the wire.
 */
export function stringListReader<L>(C: new (values: string[]) => L): BodyReader {
  return (r) => {
    const count = r.u32();
    if (count * 4 > r.remaining) return DECODE_FAILED;
    const strings = readStrings(r, count);
    if (strings === DECODE_FAILED) return DECODE_FAILED;
    for (let i = 0; i < count; i++) {
      if (strings[i].endsWith('\0')) strings[i] = strings[i].slice(0, -1);
    }
    return new C(strings);
  };
}

function readStrings(r: ByteReader, count: number): string[] | DecodeFailed {
  const strings: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = readStringBody(r);
    if (text === DECODE_FAILED) return DECODE_FAILED;
    strings.push(text);
  }
  return strings;
}

function decodeText(bytes: Uint8Array, start: number, length: number): string | null {
  const end = start + length;
  let text = '';
  let i = start;
  if (length <= ASCII_FAST_PATH_MAX) for (; i < end && bytes[i] < 0x80; i++) text += String.fromCharCode(bytes[i]);
  return i === end ? text : decodeUtf8(bytes.subarray(start, end), true);
}
