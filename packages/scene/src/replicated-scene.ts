import { msg } from '@wspeer/core';
import type { ReplicatedNode } from './replicated-node.js';
import type { SceneArgType, SceneArgValue } from './scene-arg-type.js';
import { type ReplicatedPropertySpecs, SceneReplicationConfig } from './scene-replication-config.js';

/** One `MultiplayerSynchronizer` of a replicated scene (or a static one, see `SceneReplicationInterface.synchronizer`). */
export interface SynchronizerSpec<P extends ReplicatedPropertySpecs = ReplicatedPropertySpecs> {
  /** Its replication config: the properties in Godot's order. */
  properties: P;
  /** Seconds between SYNCs (Godot's `replication_interval`; 0 = every `process()`). */
  replicationInterval?: number;
  /** Seconds between delta SYNCs (Godot's `delta_interval`; 0 = every `process()`). */
  deltaInterval?: number;
  /** Visible to every peer unless told otherwise (Godot's `public_visibility`, default true). */
  publicVisibility?: boolean;
  /**
   * Its multiplayer authority once the node exists, on every side (Godot: what the scene's
   * `_enter_tree` sets; default 1). A function gets the node, e.g. `(node) => Number(node.name)` for a
   * player named after its peer id. Every side must agree: a SPAWN carries ids and spawn state only for
   * the synchronizers whose authority is the spawner's.
   */
  authority?: number | ((node: ReplicatedNode) => number);
}

/** A scene's synchronizers by their path inside the scene (`"Sync"`, `"Body/Sync"`), in tree order. */
export type SynchronizerSpecs = Readonly<Record<string, SynchronizerSpec>>;

type ValueOf<S> = S extends { type: infer T extends SceneArgType } ? SceneArgValue<T> : unknown;
type ValuesOf<P> = { -readonly [K in keyof P]: ValueOf<P[K]> };
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The property values of a scene with synchronizers `S`: every synchronizer's properties, by name. */
export type SceneValues<S extends SynchronizerSpecs> = [keyof S] extends [never]
  ? Record<string, unknown>
  : UnionToIntersection<{ [K in keyof S]: ValuesOf<S[K]['properties']> }[keyof S]> & object;

/** A synchronizer of a {@link ReplicatedScene}: its path in the scene, config and settings. */
export interface SceneSynchronizer {
  /** Path inside the scene (`"Sync"`). */
  readonly path: string;
  /** What it replicates. */
  readonly config: SceneReplicationConfig;
  /** The declaration. */
  readonly spec: SynchronizerSpec;
}

/**
 * A spawnable scene as the replication layer sees it (`res://player.tscn` with its
 * `MultiplayerSynchronizer` nodes): no nodes, only what travels. `V` types the spawned nodes' values.
 */
export class ReplicatedScene<V extends object = Record<string, unknown>> {
  /** The scene's resource path (`"res://player.tscn"`), as in the spawner's list. */
  readonly path: string;
  /** Its synchronizers in tree order. */
  readonly synchronizers: readonly SceneSynchronizer[];
  /** Declared property types by name, over all synchronizers. */
  readonly types: ReadonlyMap<string, SceneArgType | undefined>;
  /** Declared defaults by name (only those declared). */
  readonly defaults: ReadonlyMap<string, unknown>;
  /** Type carrier of the node values (never set). */
  declare readonly _values?: V;

  /** A scene from its synchronizers (see {@link replicatedScene} for the typed form). */
  constructor(path: string, synchronizers: SynchronizerSpecs) {
    this.path = path;
    const types = new Map<string, SceneArgType | undefined>();
    const defaults = new Map<string, unknown>();
    this.synchronizers = Object.entries(synchronizers).map(([syncPath, spec]) => {
      const config = new SceneReplicationConfig(spec.properties);
      config.names.forEach((name, i) => {
        const type = config.types[i];
        if (types.has(name) && types.get(name) !== type) {
          throw new Error(
            msg`scene ${path}: property '${name}' is declared with two types (${types.get(name)}, ${type})`,
          );
        }
        types.set(name, type);
        if (config.defaults[i] !== undefined) defaults.set(name, config.defaults[i]);
      });
      return { path: syncPath, config, spec };
    });
    this.types = types;
    this.defaults = defaults;
  }
}

/**
 * Declares a spawnable scene by its synchronizers, typed: `replicatedScene('res://player.tscn', {
 * Sync: { properties: { position: { type: 'Vector2' }, hp: { type: 'int', mode: 'on_change' } } } })`
 * gives nodes whose `get('position')` is a `Vector2`.
 */
export function replicatedScene<const S extends SynchronizerSpecs>(
  path: string,
  synchronizers: S,
): ReplicatedScene<SceneValues<S>> {
  return new ReplicatedScene<SceneValues<S>>(path, synchronizers);
}
