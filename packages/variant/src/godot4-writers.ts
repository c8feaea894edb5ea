import { msg } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import type { EncodedObjectAsID } from './encoded-object-as-id.js';
import type { RID } from './rid.js';
import type { Signal } from './signal.js';
import type { StringName } from './string-name.js';
import { writeStringBody } from './string-writers.js';
import { writeU64 } from './u64.js';
import type { VariantCodec } from './variant-codec.js';

// Body writers of the Godot 4 types that are neither math nor containers (`core/io/marshalls.cpp`,
// `encode_variant`). CALLABLE has no body.

/** STRING_NAME: like a STRING. */
export function writeStringName(w: ByteWriter, name: StringName): void {
  writeStringBody(w, name.value);
}

/** RID: the uint64 id. */
export function writeRID(w: ByteWriter, rid: RID, _depth: number, codec: VariantCodec): void {
  writeU64(w, rid.id, msg`an RID id`, codec);
}

/** OBJECT as id (the header carries `ENCODE_FLAG_OBJECT_AS_ID`): the uint64 instance id. */
export function writeObjectId(w: ByteWriter, object: EncodedObjectAsID, _depth: number, codec: VariantCodec): void {
  writeU64(w, object.objectId, msg`an object id`, codec);
}

/** SIGNAL: the name, then the object id. */
export function writeSignal(w: ByteWriter, signal: Signal, _depth: number, codec: VariantCodec): void {
  writeStringBody(w, signal.name);
  writeU64(w, signal.objectId, msg`a Signal object id`, codec);
}
