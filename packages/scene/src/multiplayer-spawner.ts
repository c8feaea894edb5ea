import { msg, SignalEmitter } from '@wspeer/core';
import type { Variant4 } from '@wspeer/variant';
import type { ReplicatedNode } from './replicated-node.js';
import type { ReplicatedScene } from './replicated-scene.js';

/** Godot's `MultiplayerSpawner::INVALID_ID`: the scene id of a custom spawn. */
export const CUSTOM_SPAWN = 255;

/** Signals of {@link MultiplayerSpawner}, named as Godot 4's (emitted where a SPAWN / DESPAWN arrives). */
export interface MultiplayerSpawnerEvents<V extends object> {
  /** A node was spawned here by the spawner's authority. */
  spawned: (node: ReplicatedNode<V>) => void;
  /**
   * A node was despawned here by the spawner's authority; also when the peer that spawned it left (Godot
   * frees those nodes without a signal).
   */
  despawned: (node: ReplicatedNode<V>) => void;
}

/** Godot's `spawn_function`, on every side: the scene (its synchronizers) a custom spawn's data makes. */
export type SpawnFunction = (data: Variant4) => ReplicatedScene | null;

/** Declaration of a spawner (`SceneReplicationInterface.spawner`). */
export interface MultiplayerSpawnerSpec<S extends readonly ReplicatedScene[] = readonly ReplicatedScene[]> {
  /** Godot's `spawn_path`: where spawned nodes go, relative to the spawner (`"../Players"`) or from the root (`"/root/Main/Players"`). */
  spawnPath: string;
  /** The spawnable scenes: index = scene id on the wire (Godot's auto spawn list). */
  scenes?: S;
  /** For custom spawns (`spawnCustom`): which scene a spawn argument makes, on every side. */
  spawnFunction?: SpawnFunction;
  /** Most live nodes of this spawner (0 = no limit), as Godot's `spawn_limit`. */
  spawnLimit?: number;
  /** The spawner's multiplayer authority (default 1): only it spawns, and SPAWNs from anyone else are refused. */
  authority?: number;
}

/** Values and setup of a node about to be spawned. */
export interface SpawnInit<V extends object> {
  /** Starting values (the rest: declared defaults or zero values). */
  values?: Partial<V>;
  /**
   * Runs once the node and its synchronizers exist, before anything is sent (what a Godot scene
   * does in `_ready`): set visibility or authorities here so peers that must not see it never do.
   */
  ready?: (node: ReplicatedNode<V>) => void;
}

/** What a spawner asks its replication interface (implemented by `SceneReplicationInterface`). */
export interface SpawnerHost {
  /** Spawns an instance of `scene` (index `index`, or custom with `data`) named `name`. */
  spawnNode(
    spawner: MultiplayerSpawner,
    scene: ReplicatedScene,
    index: number,
    data: Variant4 | undefined,
    name: string,
    init: SpawnInit<object>,
  ): ReplicatedNode | null;
  /** Despawns one of this spawner's nodes. */
  despawnNode(spawner: MultiplayerSpawner, node: ReplicatedNode): boolean;
  /** Our peer id (0 without a peer). */
  ownId(): number;
}

/**
 * Godot 4's `MultiplayerSpawner`, declared by path: its authority spawns instances of its spawnable
 * scenes (or custom spawns) under `spawnPath` on every peer that can see them, late joiners included,
 * and despawns them; everywhere else `spawned` / `despawned` report what arrived. `V` types the nodes.
 */
export class MultiplayerSpawner<V extends object = Record<string, unknown>> extends SignalEmitter<
  MultiplayerSpawnerEvents<V>
> {
  /** The spawner's node path (`"Main/Spawner"`). */
  readonly path: string;
  /** The node spawned nodes go under (`"Main/Players"`), resolved from `spawnPath`. */
  readonly spawnNodePath: string;
  /** The spawnable scenes (index = scene id). */
  readonly scenes: readonly ReplicatedScene[];
  /** Godot's `spawn_function`, for custom spawns. */
  spawnFunction: SpawnFunction | null;
  /** Most live nodes (0 = no limit). */
  spawnLimit: number;
  readonly #host: SpawnerHost;
  readonly #nodes = new Set<ReplicatedNode<V>>();
  #authority: number;

  /** Made by `SceneReplicationInterface.spawner()`. */
  constructor(host: SpawnerHost, path: string, spawnNodePath: string, spec: MultiplayerSpawnerSpec) {
    super();
    this.#host = host;
    this.path = path;
    this.spawnNodePath = spawnNodePath;
    this.scenes = spec.scenes ?? [];
    this.spawnFunction = spec.spawnFunction ?? null;
    this.spawnLimit = spec.spawnLimit ?? 0;
    this.#authority = spec.authority ?? 1;
  }

  /**
   * On the authority: adds an instance of spawnable scene `scene` (index or `res://` path) named
   * `name` and sends it to every peer that can see it. Returns the node, or `null` when we are not
   * the authority or the spawn limit is reached. Throws for an unknown scene or an invalid or taken name.
   */
  spawn(scene: number | string, name: string, init: SpawnInit<V> = {}): ReplicatedNode<V> | null {
    const index = typeof scene === 'number' ? scene : this.scenes.findIndex((s) => s.path === scene);
    const found = this.scenes[index];
    if (found === undefined) {
      throw new Error(
        msg`spawner ${this.path}: no spawnable scene ${JSON.stringify(scene)} (have: ${this.scenes.map((s, i) => `${i} ${s.path}`).join(', ') || msg`none`})`,
      );
    }
    return this.#host.spawnNode(
      this as unknown as MultiplayerSpawner,
      found,
      index,
      undefined,
      name,
      init as SpawnInit<object>,
    ) as ReplicatedNode<V> | null;
  }

  /**
   * On the authority: a custom spawn (Godot's `spawn(data)`): `spawnFunction(data)` says which scene it
   * is, here and on every peer; `data` travels in the SPAWN. Returns the node or `null` as `spawn()`.
   */
  spawnCustom(data: Variant4, name: string, init: SpawnInit<V> = {}): ReplicatedNode<V> | null {
    const fn = this.spawnFunction;
    if (fn === null) throw new Error(msg`spawner ${this.path}: a custom spawn needs a spawnFunction`);
    const scene = fn(data);
    if (scene === null) throw new Error(msg`spawner ${this.path}: the spawnFunction made no scene for this data`);
    return this.#host.spawnNode(
      this as unknown as MultiplayerSpawner,
      scene,
      255,
      data,
      name,
      init as SpawnInit<object>,
    ) as ReplicatedNode<V> | null;
  }

  /** On the authority: removes `node` here and on every peer that has it. `false` if it is not ours to remove. */
  despawn(node: ReplicatedNode<V>): boolean {
    return this.#host.despawnNode(this as unknown as MultiplayerSpawner, node as ReplicatedNode);
  }

  /** The live nodes of this spawner, here. */
  getNodes(): ReplicatedNode<V>[] {
    return [...this.#nodes];
  }

  /** How many nodes of this spawner live here. */
  get nodeCount(): number {
    return this.#nodes.size;
  }

  /** Its multiplayer authority (default 1). */
  getMultiplayerAuthority(): number {
    return this.#authority;
  }

  /** Sets its multiplayer authority (who may spawn with it). */
  setMultiplayerAuthority(id: number): void {
    this.#authority = id;
  }

  /** Whether we are its authority. */
  isMultiplayerAuthority(): boolean {
    return this.#authority === this.#host.ownId();
  }

  /** Records a node of this spawner (called by the replication interface). */
  track(node: ReplicatedNode): void {
    this.#nodes.add(node as ReplicatedNode<V>);
  }

  /** Forgets a node of this spawner (called by the replication interface). */
  untrack(node: ReplicatedNode): boolean {
    return this.#nodes.delete(node as ReplicatedNode<V>);
  }
}
