import { createHash } from 'node:crypto';

/** One file to pack: its path inside the project (`res://` optional) and its bytes. */
export interface PckFile {
  path: string;
  data: Uint8Array;
}

/** The engine version a pack declares in its header. */
export interface PckVersion {
  major: number;
  minor: number;
  patch: number;
}

/** The version the pinned web engine is (`Godot Engine v4.6.stable.official`). */
export const GODOT_4_6: PckVersion = { major: 4, minor: 6, patch: 0 };

/** PCK format version written by Godot 4.4 to 4.6 (`PACK_FORMAT_VERSION` in `core/io/file_access_pack.h`). */
export const PCK_FORMAT_VERSION = 3;
/** `PACK_REL_FILEBASE`: file offsets in the directory are relative to `file_base`. */
export const PACK_REL_FILEBASE = 1 << 1;
/** Every file and the directory start on a multiple of this many bytes (what the exporter uses). */
export const PCK_ALIGNMENT = 16;
/** Magic, 5 u32 (format, major, minor, patch, flags), 2 u64 (file base, directory offset), 16 reserved u32. */
export const PCK_HEADER_SIZE = 4 + 5 * 4 + 2 * 8 + 16 * 4;

const align = (n: number): number => Math.ceil(n / PCK_ALIGNMENT) * PCK_ALIGNMENT;
const utf8 = new TextEncoder();

/**
 * Packs `files` into a Godot 4 PCK (format v3, little-endian), as `core/io/pck_packer.cpp` lays it
 * out: the header, then each file 16-byte aligned from `file_base`, then the directory (count, then per
 * file the NUL-padded path without `res://`, its offset from `file_base`, size, md5 and flags 0).
 * Files are stored sorted by path, so equal input gives equal bytes. Throws on an empty or duplicate path.
 */
export function writePck(files: readonly PckFile[], version: PckVersion = GODOT_4_6): Uint8Array {
  const entries = files
    .map((f) => ({ name: utf8.encode(pckPath(f.path)), data: f.data }))
    .sort((a, b) => Buffer.compare(a.name, b.name));
  for (let i = 1; i < entries.length; i++) {
    if (Buffer.compare(entries[i - 1].name, entries[i].name) === 0) {
      throw new Error(`writePck: "${Buffer.from(entries[i].name).toString()}" is packed twice`);
    }
  }
  const fileBase = align(PCK_HEADER_SIZE);
  const offsets: number[] = [];
  let end = fileBase;
  for (const entry of entries) {
    offsets.push(end - fileBase);
    end = align(end + entry.data.byteLength);
  }
  const dirOffset = end;
  let size = dirOffset + 4;
  for (const entry of entries) size += 4 + align4(entry.name.byteLength) + 8 + 8 + 16 + 4;

  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(utf8.encode('GDPC'), 0);
  view.setUint32(4, PCK_FORMAT_VERSION, true);
  view.setUint32(8, version.major, true);
  view.setUint32(12, version.minor, true);
  view.setUint32(16, version.patch, true);
  view.setUint32(20, PACK_REL_FILEBASE, true);
  view.setBigUint64(24, BigInt(fileBase), true);
  view.setBigUint64(32, BigInt(dirOffset), true);
  for (let i = 0; i < entries.length; i++) out.set(entries[i].data, fileBase + offsets[i]);

  let at = dirOffset;
  view.setUint32(at, entries.length, true);
  at += 4;
  entries.forEach((entry, i) => {
    const padded = align4(entry.name.byteLength);
    view.setUint32(at, padded, true);
    out.set(entry.name, at + 4);
    at += 4 + padded;
    view.setBigUint64(at, BigInt(offsets[i]), true);
    view.setBigUint64(at + 8, BigInt(entry.data.byteLength), true);
    out.set(createHash('md5').update(entry.data).digest(), at + 16);
    view.setUint32(at + 32, 0, true);
    at += 36;
  });
  return out;
}

/** `res://a/b.gd` or `a/b.gd` as the directory stores it (`a/b.gd`); throws on an empty or escaping path. */
function pckPath(path: string): string {
  const stripped = path.replace(/^res:\/\//, '').replace(/\\/g, '/');
  if (stripped === '' || stripped.startsWith('/') || stripped.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`writePck: invalid path "${path}" (want a relative path such as "main.gd" or "res://main.gd")`);
  }
  return stripped;
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
