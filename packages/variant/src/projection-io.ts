import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { readVector4 } from './math-readers.js';
import { writeXYZW } from './math-writers.js';
import { Projection } from './projection.js';

/** PROJECTION: four columns of four reals (x, y, z, w), as Godot's `columns[i][j]` loop writes them. */
export function readProjection(r: ByteReader): Projection {
  return new Projection(readVector4(r), readVector4(r), readVector4(r), readVector4(r));
}

/** PROJECTION body: the columns x, y, z, w, four reals each. */
export function writeProjection(w: ByteWriter, p: Projection): void {
  writeXYZW(w, p.x);
  writeXYZW(w, p.y);
  writeXYZW(w, p.z);
  writeXYZW(w, p.w);
}
