import { msg } from '@wspeer/core';
import { ReplicationMode, type ReplicationModeName } from './replication-mode.js';
import type { SceneArgType } from './scene-arg-type.js';

/**
 * One property of a synchronizer, as a row of Godot's replication panel (`SceneReplicationConfig`):
 * its spawn flag and replication mode. Only the ORDER of the rows, their spawn flags and modes travel
 * (values back to back, no names): declare them in the same order as the Godot scene does.
 */
export interface ReplicatedPropertySpec<T extends SceneArgType = SceneArgType> {
  /** The NodePath Godot's config shows (e.g. `".:position"`); documentation only, nothing checks it. */
  path?: string;
  /**
   * The Godot 4 type. When given, values set here and values received are checked against it (Godot
   * itself does not check: a String sent for a Vector2 silently becomes `(0, 0)`), and plain numbers of
   * a `'float'` property go out as floats.
   */
  type?: T;
  /** Sent in the SPAWN packet (Godot's default: true). */
  spawn?: boolean;
  /** `'always'` (Godot's default), `'on_change'` or `'never'`, or a {@link ReplicationMode} number. */
  mode?: ReplicationModeName | ReplicationMode;
  /** The value a new node starts with (default: the type's zero value, or `null`). */
  default?: unknown;
}

/** A synchronizer's properties by name, in the order of Godot's replication config. */
export type ReplicatedPropertySpecs = Readonly<Record<string, ReplicatedPropertySpec>>;

const MODES: Record<ReplicationModeName, ReplicationMode> = {
  never: ReplicationMode.NEVER,
  always: ReplicationMode.ALWAYS,
  on_change: ReplicationMode.ON_CHANGE,
};

/** Godot's limit of ON_CHANGE properties per synchronizer (the delta bitmask is a uint64). */
export const MAX_WATCHED_PROPERTIES = 64;

/**
 * Godot 4's `SceneReplicationConfig`: which properties of a node a synchronizer replicates and how,
 * split the way the wire uses them: spawn properties (in SPAWN), sync properties (mode ALWAYS, in
 * every SYNC) and watch properties (mode ON_CHANGE, in delta SYNCs, addressed by their bit).
 */
export class SceneReplicationConfig {
  /** Property names in config order. */
  readonly names: readonly string[];
  /** Declared types by config index (`undefined`: any Variant). */
  readonly types: readonly (SceneArgType | undefined)[];
  /** Modes by config index. */
  readonly modes: readonly ReplicationMode[];
  /** Defaults by config index (`undefined`: none declared). */
  readonly defaults: readonly unknown[];
  /** Config indexes of the spawn properties (Godot's `get_spawn_properties`). */
  readonly spawn: readonly number[];
  /** Config indexes of the ALWAYS properties (`get_sync_properties`). */
  readonly sync: readonly number[];
  /** Config indexes of the ON_CHANGE properties (`get_watch_properties`); bit `i` of a delta is `watch[i]`. */
  readonly watch: readonly number[];

  /** A config from its rows; throws on an unknown mode or more than 64 ON_CHANGE properties. */
  constructor(properties: ReplicatedPropertySpecs) {
    const names = Object.keys(properties);
    const types: (SceneArgType | undefined)[] = [];
    const modes: ReplicationMode[] = [];
    const defaults: unknown[] = [];
    const spawn: number[] = [];
    const sync: number[] = [];
    const watch: number[] = [];
    names.forEach((name, i) => {
      const spec = properties[name] as ReplicatedPropertySpec;
      const mode = typeof spec.mode === 'number' ? spec.mode : MODES[spec.mode ?? 'always'];
      if (mode !== ReplicationMode.NEVER && mode !== ReplicationMode.ALWAYS && mode !== ReplicationMode.ON_CHANGE) {
        throw new Error(
          msg`replicated property '${name}': unknown mode '${String(spec.mode)}' (never, always, on_change)`,
        );
      }
      types.push(spec.type);
      modes.push(mode);
      defaults.push(spec.default);
      if (spec.spawn ?? true) spawn.push(i);
      if (mode === ReplicationMode.ALWAYS) sync.push(i);
      if (mode === ReplicationMode.ON_CHANGE) watch.push(i);
    });
    if (watch.length > MAX_WATCHED_PROPERTIES) {
      throw new Error(
        msg`a synchronizer has ${watch.length} 'on_change' properties; Godot allows ${MAX_WATCHED_PROPERTIES} (the delta bitmask is 64 bits)`,
      );
    }
    this.names = names;
    this.types = types;
    this.modes = modes;
    this.defaults = defaults;
    this.spawn = spawn;
    this.sync = sync;
    this.watch = watch;
  }
}
