/**
 * The PCK writer (format v3, Godot 4.4-4.6) against the layout of `core/io/pck_packer.cpp`. The
 * reader below is checked first on the pack Godot's own exporter wrote (`index.pck` of the pinned
 * engine package), then used on ours. The engine loading our packs is proven in godot4-runner.node.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GODOT_4_6,
  godot4EngineDir,
  godot4ProjectsDir,
  PCK_HEADER_SIZE,
  packGodot4Project,
  readTree,
  writePck,
} from '@wspeer/test-kit/godot4';
import { describe, expect, it } from 'vitest';

interface Entry {
  path: string;
  /** The directory's path field as stored (with its NUL padding). */
  rawPath: Uint8Array;
  offset: number;
  size: number;
  md5: string;
  flags: number;
}

/** An independent PCK v3 reader, written from the format description (not from the writer). */
function readPck(pck: Uint8Array) {
  const view = new DataView(pck.buffer, pck.byteOffset, pck.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const header = {
    magic: Buffer.from(pck.subarray(0, 4)).toString('latin1'),
    format: u32(4),
    version: [u32(8), u32(12), u32(16)],
    flags: u32(20),
    fileBase: u64(24),
    dirOffset: u64(32),
    reserved: Array.from({ length: 16 }, (_, i) => u32(40 + 4 * i)),
  };
  let at = header.dirOffset;
  const count = u32(at);
  at += 4;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const length = u32(at);
    const rawPath = pck.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    entries.push({
      path: Buffer.from(rawPath).toString('utf8').replace(/\0+$/, ''),
      rawPath,
      offset: u64(at),
      size: u64(at + 8),
      md5: Buffer.from(pck.subarray(at + 16, at + 32)).toString('hex'),
      flags: u32(at + 32),
    });
    at += 36;
  }
  const data = (e: Entry) => pck.subarray(header.fileBase + e.offset, header.fileBase + e.offset + e.size);
  return { header, entries, end: at, data };
}

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);

describe('PCK reader on the pack Godot 4.6 exported', () => {
  it('reads index.pck of the engine package: v3, 4.6.0, relative file base, 14 files whose md5 match', () => {
    const pck = new Uint8Array(readFileSync(join(godot4EngineDir(), 'index.pck')));
    const { header, entries, end, data } = readPck(pck);
    expect(header).toMatchObject({ magic: 'GDPC', format: 3, version: [4, 6, 0], flags: 2, fileBase: 0x70 });
    expect(header.reserved.every((r) => r === 0)).toBe(true);
    expect(entries.length).toBe(14);
    expect(end).toBe(pck.byteLength);
    for (const e of entries) {
      expect(md5(data(e))).toBe(e.md5);
      expect(e.rawPath.byteLength % 4).toBe(0);
      expect((header.fileBase + e.offset) % 16).toBe(0);
    }
    expect(entries.map((e) => e.path)).toContain('.godot/global_script_class_cache.cfg');
  });
});

describe('writePck', () => {
  const files = [
    { path: 'res://main.gd', data: text('extends Node\n') },
    { path: 'a.gd', data: text('') },
    { path: 'data/bytes.bin', data: Uint8Array.from({ length: 33 }, (_, i) => (i * 37) & 255) },
    { path: 'project.godot', data: text('config_version=5\n') },
  ];

  it('writes the v3 header: GDPC, format 3, 4.6.0, PACK_REL_FILEBASE, file base 0x70, reserved zero', () => {
    const pck = writePck(files);
    const { header } = readPck(pck);
    expect(PCK_HEADER_SIZE).toBe(0x68);
    expect(header).toMatchObject({ magic: 'GDPC', format: 3, version: [4, 6, 0], flags: 2, fileBase: 0x70 });
    expect(header.reserved).toEqual(new Array(16).fill(0));
    expect(header.dirOffset % 16).toBe(0);
    expect(Buffer.from(pck.subarray(PCK_HEADER_SIZE, 0x70)).every((b) => b === 0)).toBe(true);
    expect(readPck(writePck(files, { major: 4, minor: 4, patch: 1 })).header.version).toEqual([4, 4, 1]);
    expect(GODOT_4_6).toEqual({ major: 4, minor: 6, patch: 0 });
  });

  it('stores each file 16-byte aligned from the file base, zero padding between, directory after the last', () => {
    const pck = writePck(files);
    const { header, entries, data, end } = readPck(pck);
    expect(entries.map((e) => e.offset)).toEqual([0, 0, 48, 64]);
    let expectedEnd = header.fileBase;
    for (const e of entries) {
      expect((header.fileBase + e.offset) % 16).toBe(0);
      const gap = pck.subarray(expectedEnd, header.fileBase + e.offset);
      expect(gap.every((b) => b === 0)).toBe(true);
      expectedEnd = header.fileBase + e.offset + e.size;
      expect(Buffer.from(data(e))).toEqual(Buffer.from(files.find((f) => f.path.endsWith(e.path))?.data ?? []));
    }
    expect(header.dirOffset).toBe(Math.ceil(expectedEnd / 16) * 16);
    expect(end).toBe(pck.byteLength);
  });

  it('writes the directory: sorted paths without res://, NUL-padded to 4, size, md5, flags 0', () => {
    const { entries } = readPck(writePck(files));
    expect(entries.map((e) => e.path)).toEqual(['a.gd', 'data/bytes.bin', 'main.gd', 'project.godot']);
    // A 4-byte path has no padding (Godot pads only up to a multiple of 4); others get 1-3 NULs.
    expect(Buffer.from(entries[0].rawPath).toString('latin1')).toBe('a.gd');
    expect(Buffer.from(entries[1].rawPath).toString('latin1')).toBe('data/bytes.bin\0\0');
    expect(Buffer.from(entries[3].rawPath).toString('latin1')).toBe('project.godot\0\0\0');
    expect(entries.map((e) => e.size)).toEqual([0, 33, 13, 17]);
    expect(entries.every((e) => e.flags === 0)).toBe(true);
    // Golden md5s (RFC 1321 test vector for the empty string).
    expect(entries[0].md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(entries[2].md5).toBe(md5('extends Node\n'));
  });

  it('gives the same bytes whatever the input order; refuses duplicates and paths that escape', () => {
    expect(Buffer.from(writePck([...files].reverse()))).toEqual(Buffer.from(writePck(files)));
    expect(() => writePck([files[0], { path: 'main.gd', data: text('x') }])).toThrow(/"main.gd" is packed twice/);
    for (const path of ['', 'res://', '/abs.gd', '../up.gd', 'a//b.gd', 'a/']) {
      expect(() => writePck([{ path, data: text('x') }])).toThrow(/invalid path/);
    }
  });

  it('packs an empty project to a header and an empty directory', () => {
    const pck = writePck([]);
    const { header, entries } = readPck(pck);
    expect(entries).toEqual([]);
    expect(header.dirOffset).toBe(0x70);
    expect(pck.byteLength).toBe(0x74);
  });
});

describe('packGodot4Project', () => {
  it('packs a probe folder, the shared folder at res://shared/ and an empty global class cache', async () => {
    const { entries, data } = readPck(await packGodot4Project('hello'));
    const own = await readTree(join(godot4ProjectsDir, 'hello'));
    const shared = await readTree(join(godot4ProjectsDir, 'shared'), 'shared/');
    expect(entries.map((e) => e.path)).toEqual(
      [...own, ...shared]
        .map((f) => f.path)
        .concat('.godot/global_script_class_cache.cfg')
        .sort(),
    );
    const cache = entries.find((e) => e.path === '.godot/global_script_class_cache.cfg') as Entry;
    expect(Buffer.from(data(cache)).toString()).toBe('list=[]\n');
    for (const f of [...own, ...shared]) {
      expect(entries.find((e) => e.path === f.path)?.md5).toBe(md5(f.data));
    }
  });

  it('refuses a missing project and names that are not a plain folder name', async () => {
    await expect(packGodot4Project('no_such_probe')).rejects.toThrow(/no Godot 4 project "no_such_probe"/);
    await expect(packGodot4Project('../godot')).rejects.toThrow(/invalid Godot 4 project name/);
    await expect(packGodot4Project('shared')).rejects.toThrow(/invalid Godot 4 project name/);
  });
});
