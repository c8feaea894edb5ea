import { ConnectionStatus, ErrorCode, errorName } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import {
  type MultiplayerSpawner,
  type ReplicatedNode,
  SceneMultiplayer,
  SceneReplicationInterface,
} from 'wspeer/scene';
import type { Vector2 } from 'wspeer/variant';
import type { LogView } from '../log-view.ts';
import { CLOSED_STATUS, type Session, type SessionStatus, stateName } from '../session.ts';
import { ARENA_CODEC, arenaPlayerScene } from './arena-scene.ts';

type ArenaValues = NonNullable<(typeof arenaPlayerScene)['_values']>;

/** A dot as the page draws it. */
export interface ArenaDot {
  /** Its player's peer id. */
  id: number;
  /** Position in arena pixels. */
  x: number;
  /** Position in arena pixels. */
  y: number;
  /** CSS color. */
  color: string;
  /** Whether it is ours. */
  mine: boolean;
}

/**
 * One player's connection to `/arena`: a godot4-wire client with SceneMultiplayer and replication,
 * declaring the same spawner and player scene as a Godot 4 client of the arena. The server spawns a
 * dot per player and replicates positions; we replicate our input (our dot's `InputSync`).
 */
export class ArenaSession implements Session {
  #peer: WebSocketMultiplayerPeer | null = null;
  #scene: SceneMultiplayer | null = null;
  #replication: SceneReplicationInterface | null = null;
  #spawner: MultiplayerSpawner<ArenaValues> | null = null;
  #mine: ReplicatedNode<ArenaValues> | null = null;
  readonly #log: LogView;

  constructor(log: LogView) {
    this.#log = log;
  }

  /** Whether a connection exists or is being made. */
  get busy(): boolean {
    return (this.#peer?.getConnectionStatus() ?? 0) !== ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Joins the arena at `url`. */
  join(url: string): void {
    this.leave();
    const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
    const err = peer.createClient(url);
    if (err !== ErrorCode.OK) {
      this.#log.add(`Cannot connect: ${errorName(err)}`, 'warning');
      return;
    }
    const scene = new SceneMultiplayer(peer, { codec: ARENA_CODEC });
    const replication = new SceneReplicationInterface(scene);
    const spawner = replication.spawner('Main/Spawner', { spawnPath: '../Players', scenes: [arenaPlayerScene] });
    scene.on('connected_to_server', () => this.#log.add(`Joined as #${scene.getUniqueId()}`, 'message'));
    scene.on('server_disconnected', () => this.#log.add('The server went away', 'warning'));
    scene.on('connection_failed', () => this.#log.add('Could not reach the arena', 'warning'));
    spawner.on('spawned', (node) => {
      if (node.name !== String(scene.getUniqueId())) {
        this.#log.add(`#${node.name} entered the arena`);
        return;
      }
      this.#mine = node;
      // Our input goes to the server only (the others see where the server moves us).
      const input = node.getSynchronizer('InputSync');
      if (input !== undefined) {
        input.publicVisibility = false;
        input.setVisibilityFor(1, true);
      }
    });
    spawner.on('despawned', (node) => {
      if (node === this.#mine) this.#mine = null;
      else this.#log.add(`#${node.name} left`);
    });
    this.#peer = peer;
    this.#scene = scene;
    this.#replication = replication;
    this.#spawner = spawner;
  }

  /** Leaves the arena. */
  leave(): void {
    this.#peer?.close();
    this.#peer = null;
    this.#scene = null;
    this.#replication = null;
    this.#spawner = null;
    this.#mine = null;
  }

  /** Our dot's position, if we have one. */
  get position(): Vector2 | undefined {
    return this.#mine?.get('position');
  }

  /** Sets the direction our dot should move in (what our InputSync replicates). */
  setInput(direction: Vector2): void {
    const mine = this.#mine;
    if (mine === null) return;
    const now = mine.get('input');
    if (now === undefined || now.x !== direction.x || now.y !== direction.y) mine.set('input', direction);
  }

  /** Every dot, ours marked. */
  dots(): ArenaDot[] {
    return (this.#spawner?.getNodes() ?? []).map((node) => {
      const p = node.get('position');
      const c = node.get('color');
      const css = `rgb(${Math.round(c.r * 255)} ${Math.round(c.g * 255)} ${Math.round(c.b * 255)})`;
      return { id: Number(node.name), x: p.x, y: p.y, color: css, mine: node === this.#mine };
    });
  }

  /** Applies what arrived and sends our input (one replication tick per frame). */
  poll(): void {
    this.#scene?.poll();
    this.#replication?.process();
  }

  /** The connection for the status bar. */
  status(): SessionStatus {
    const peer = this.#peer;
    const socket = peer?.getPeer(1);
    if (peer == null || socket == null) return CLOSED_STATUS;
    const connected = peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED;
    return {
      state: stateName(socket.readyState, peer.getConnectionStatus()),
      protocol: socket.selectedProtocol,
      peerId: connected ? peer.getUniqueId() : null,
    };
  }
}
