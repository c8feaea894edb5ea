import { msg } from '@wspeer/core';
import type { Variant4, VariantCodec } from '@wspeer/variant';
import type { MultiplayerSpawner } from './multiplayer-spawner.js';
import type { MultiplayerSynchronizer } from './multiplayer-synchronizer.js';
import type { ReplicatedScene } from './replicated-scene.js';
import { fitsSceneArgType, type SceneArgType } from './scene-arg-type.js';

/** How a {@link ReplicatedNode} came to be (made by the replication interface). */
export interface ReplicatedNodeInit {
  /** The node name (last path element). */
  name: string;
  /** The path relative to the root (`"Main/Players/Bot"`). */
  path: string;
  /** The spawner that spawned it (`null` for a static node). */
  spawner: MultiplayerSpawner | null;
  /** The scene it is an instance of (`null` for a static node). */
  scene: ReplicatedScene | null;
  /** Index in the spawner's scene list, 255 for a custom spawn, -1 for a static node. */
  sceneIndex: number;
  /** The custom spawn argument (`undefined` unless custom). */
  spawnData: Variant4 | undefined;
  /** The peer whose SPAWN made it here, 0 when we made it. */
  remotePeer: number;
  /** Declared property types by name. */
  types: ReadonlyMap<string, SceneArgType | undefined>;
  /** The values by name, shared with the replication interface that applies received state. */
  values: Map<string, unknown>;
  /** The codec whose classes declared types are checked against (the SceneMultiplayer's). */
  codec: VariantCodec;
  /** Its synchronizers, filled by the interface in tree order. */
  synchronizers: MultiplayerSynchronizer[];
}

/**
 * A replicated node: a spawned scene instance (or the root of a static synchronizer) with the
 * values its synchronizers replicate. On the authority, `set()` changes what the next SYNC or delta
 * carries; elsewhere the values follow what arrives (`synchronized` / `delta_synchronized` on its
 * synchronizers say when). `V` types the values by property name.
 */
export class ReplicatedNode<V extends object = Record<string, unknown>> {
  /** The node name, as Godot's `Node.name`. */
  readonly name: string;
  /** Its path relative to the root (`"Main/Players/Bot"`), as Godot's `get_path()` without `/root/`. */
  readonly path: string;
  /** The spawner it belongs to (`null` for a static node). */
  readonly spawner: MultiplayerSpawner | null;
  /** Its scene (`null` for a static node). */
  readonly scene: ReplicatedScene | null;
  /** Index in the spawner's scene list, 255 for a custom spawn, -1 for a static node. */
  readonly sceneIndex: number;
  /** The custom spawn argument (Godot's `spawn(data)`); `undefined` for scene spawns. */
  readonly spawnData: Variant4 | undefined;
  /** The peer that spawned it here (its SPAWN came from that peer), 0 when we spawned it. */
  readonly remotePeer: number;
  /** Its synchronizers in tree order. */
  readonly synchronizers: readonly MultiplayerSynchronizer[];
  readonly #types: ReadonlyMap<string, SceneArgType | undefined>;
  readonly #values: Map<string, unknown>;
  readonly #codec: VariantCodec;

  /** Made by the replication interface (spawns, received SPAWNs, static synchronizers). */
  constructor(init: ReplicatedNodeInit) {
    this.name = init.name;
    this.path = init.path;
    this.spawner = init.spawner;
    this.scene = init.scene;
    this.sceneIndex = init.sceneIndex;
    this.spawnData = init.spawnData;
    this.remotePeer = init.remotePeer;
    this.synchronizers = init.synchronizers;
    this.#types = init.types;
    this.#values = init.values;
    this.#codec = init.codec;
  }

  /** The current value of property `name`. */
  get<K extends keyof V & string>(name: K): V[K] {
    return this.#values.get(name) as V[K];
  }

  /**
   * Sets property `name` (on the authority: what the next SYNC or delta sends). Throws for a
   * property no synchronizer of this node declares, or a value that does not fit its declared type.
   */
  set<K extends keyof V & string>(name: K, value: V[K]): void {
    if (!this.#types.has(name)) {
      throw new Error(
        msg`${this.path}: no synchronizer declares a property '${name}' (have: ${[...this.#types.keys()].join(', ')})`,
      );
    }
    const type = this.#types.get(name);
    if (type !== undefined && !fitsSceneArgType(value, type, this.#codec)) {
      throw new TypeError(msg`${this.path}: property '${name}' is declared ${type}; got ${describe(value)}`);
    }
    this.#values.set(name, value);
  }

  /** Every value by name (a copy). */
  values(): V {
    return Object.fromEntries(this.#values) as V;
  }

  /** The synchronizer at `path` inside the scene (`"Sync"`), or `undefined`. */
  getSynchronizer(path: string): MultiplayerSynchronizer | undefined {
    const full = `${this.path}/${path}`;
    return this.synchronizers.find((s) => s.path === full || s.path === path);
  }

  /**
   * Sets the multiplayer authority of the node's synchronizers, as Godot's recursive
   * `set_multiplayer_authority` (each restarts: its net id resets, visibility is recomputed).
   */
  setMultiplayerAuthority(id: number): void {
    for (const sync of this.synchronizers) sync.setMultiplayerAuthority(id);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return `${typeof value} ${String(value).slice(0, 32)}`;
}
