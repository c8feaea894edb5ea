import { ByteWriter, type VariantCodec } from '@wspeer/variant';
import type { MultiplayerSynchronizer } from './multiplayer-synchronizer.js';
import { encodeReplicatedValue, writeReplicatedValues } from './replicated-value.js';

const USEC = 1e6;

/** Which watched properties changed since a peer's last delta, and their encoded values. */
export interface DeltaState {
  /** Low 32 bits of the bitmask over the watch properties. */
  lo: number;
  /** High 32 bits of the bitmask. */
  hi: number;
  /** The changed values' encodings, in bit order. */
  parts: Uint8Array[];
  /** Their total size. */
  size: number;
}

/**
 * The replication interface's bookkeeping for one synchronizer (Godot keeps it in the
 * `MultiplayerSynchronizer` node): net id, outbound and inbound sync times, the watchers of its
 * ON_CHANGE properties, and this frame's encoded sync state (encoded once, sent to every peer).
 */
export class SynchronizerState {
  /** Its net id: from a SPAWN, or `0x80000000 | path id` once sent by path; 0 until then. */
  netId = 0;
  #lastSyncUsec = 0;
  #lastInbound = 0;
  #syncStarted = false;
  #lastWatchUsec = 0;
  #watchBytes: (Uint8Array | null)[] = [];
  #watchValues: unknown[] = [];
  #watchChanged: number[] = [];
  #syncCacheUsec = -1;
  #syncCache: Uint8Array = new Uint8Array(0);
  readonly #values: ReadonlyMap<string, unknown>;
  readonly #codec: VariantCodec;

  /** The state of a synchronizer whose node's values are `values`. */
  constructor(values: ReadonlyMap<string, unknown>, codec: VariantCodec) {
    this.#values = values;
    this.#codec = codec;
  }

  /** Forgets everything (Godot's `reset()`, on start, stop and authority change). */
  reset(): void {
    this.netId = 0;
    this.#lastSyncUsec = 0;
    this.#lastInbound = 0;
    this.#syncStarted = false;
    this.#lastWatchUsec = 0;
    this.#watchBytes = [];
    this.#watchValues = [];
    this.#watchChanged = [];
    this.#syncCacheUsec = -1;
  }

  /** Whether a SYNC is due at `usec` (Godot's `update_outbound_sync_time`: once per interval, all peers in one frame). */
  updateOutboundSyncTime(usec: number, intervalSeconds: number): boolean {
    if (this.#lastSyncUsec === usec) return true;
    if (usec < this.#lastSyncUsec + intervalSeconds * USEC) return false;
    this.#lastSyncUsec = usec;
    return true;
  }

  /**
   * Whether a SYNC stamped `time` is newer than the last one applied (Godot's
   * `update_inbound_sync_time`: u16 with wrap-around; the first one is always applied).
   */
  updateInboundSyncTime(time: number): boolean {
    if (!this.#syncStarted) this.#syncStarted = true;
    else if (time <= this.#lastInbound && this.#lastInbound - time < 32767) return false;
    this.#lastInbound = time;
    return true;
  }

  /** The encoded ALWAYS values at `usec`, encoded once per frame whatever the number of peers. */
  syncBytes(sync: MultiplayerSynchronizer, usec: number): Uint8Array {
    if (this.#syncCacheUsec === usec) return this.#syncCache;
    const config = sync.config;
    const w = new ByteWriter(32);
    writeReplicatedValues(w, config.sync, config.names, config.types, this.#values, this.#codec);
    this.#syncCache = w.finish();
    this.#syncCacheUsec = usec;
    return this.#syncCache;
  }

  /**
   * The watched values changed after `lastUsec` (a peer's last delta), watching for changes at most
   * once per frame and once per `deltaInterval` (Godot's `get_delta_state`, same quirk: a watch this
   * frame for one peer serves the others too). `null` when nothing is due.
   */
  deltaState(sync: MultiplayerSynchronizer, usec: number, lastUsec: number): DeltaState | null {
    if (this.#lastWatchUsec !== usec) {
      if (usec < lastUsec + sync.deltaInterval * USEC) return null;
      this.#watch(sync, usec);
      this.#lastWatchUsec = usec;
    }
    let lo = 0;
    let hi = 0;
    let size = 0;
    // Allocated on the first change only: most synchronizers have none for most peers in most frames.
    let parts: Uint8Array[] | null = null;
    const changed = this.#watchChanged;
    for (let i = 0; i < changed.length; i++) {
      if ((changed[i] as number) <= lastUsec) continue;
      const bytes = this.#watchBytes[i] as Uint8Array;
      parts ??= [];
      parts.push(bytes);
      size += bytes.byteLength;
      if (i < 32) lo |= 1 << i;
      else hi |= 1 << (i - 32);
    }
    return parts === null ? null : { lo: lo >>> 0, hi: hi >>> 0, parts, size };
  }

  /** Godot's `_watch_changes`: re-reads every ON_CHANGE value; a changed encoding stamps it `usec`. */
  #watch(sync: MultiplayerSynchronizer, usec: number): void {
    const config = sync.config;
    const values = this.#values;
    const watch = config.watch;
    for (let k = 0; k < watch.length; k++) {
      const i = watch[k] as number;
      const name = config.names[i] as string;
      const value = values.get(name);
      const known = this.#watchBytes[k];
      // Unchanged primitives skip the encoding; objects are compared by their bytes (like Godot's hash_compare).
      if (known !== undefined && known !== null && typeof value !== 'object' && value === this.#watchValues[k])
        continue;
      const bytes = encodeReplicatedValue(value, config.types[i], this.#codec);
      if (known === undefined || known === null || !sameBytes(known, bytes)) {
        this.#watchBytes[k] = bytes;
        this.#watchChanged[k] = usec;
      }
      this.#watchValues[k] = value;
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
