import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, sceneAuth } from 'wspeer/scene';
import { declareSceneRoom, SCENE_TOKEN, type SceneRoomNode } from './scene-room.js';

/** What two honest Godot 4 clients saw during an attack. */
export interface HonestSceneFigures {
  /** `ping` calls A made (half to the server, half to B through the relay). */
  sent: number;
  /** `pong` answers A got from the peer it asked. */
  received: number;
  /** Calls never answered. */
  lost: number;
  /** Worst round trip, ms. */
  worstMs: number;
  /** 99th percentile round trip, ms. */
  p99Ms: number;
  /** Median round trip, ms. */
  medianMs: number;
  /** Answers attributed to the server or B that they never sent (a spoofed sender got through). */
  misattributed: number;
  /** Calls from anyone else (an attacker calling honestly under its own id). */
  foreign: number;
  /** The peers A knows at the end (what the server announced: a forged ADD_PEER or DEL_PEER would show here). */
  peersOfA: number[];
  /** Whether A still knew B at the end. */
  aSeesB: boolean;
  /** Whether both were still connected at the end. */
  open: boolean;
}

const encoder = new TextEncoder();

/** One honest Godot 4 client: authenticates with the room's token and declares its node. */
class HonestSceneClient {
  readonly peer = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true, log: null });
  readonly scene = new SceneMultiplayer(this.peer, {
    autoPoll: true,
    log: null,
    auth: sceneAuth,
    authCallback: () => {},
  });
  readonly node: SceneRoomNode;

  constructor(handlers: { ping: (n: number) => void; pong: (n: number) => void }) {
    this.scene.on('peer_authenticating', (id) => {
      this.scene.sendAuth(id, encoder.encode(SCENE_TOKEN));
      this.scene.completeAuth(id);
    });
    this.node = declareSceneRoom(this.scene, handlers);
  }

  async connect(url: string): Promise<void> {
    const admitted = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('honest scene client: not admitted within 5 s')), 5000);
      this.scene.once('connected_to_server', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.peer.createClient(url);
    await admitted;
  }
}

/**
 * Two honest Godot 4 clients, A and B, in the room of the scene target: every `intervalMs` A calls
 * `ping(n)`, alternately on the server and on B through the server's relay, and each answers
 * `pong(n)` to its caller. Measures each round trip, what was lost, and whether any answer came
 * under a sender that did not send it.
 */
export class HonestScene {
  readonly #a: HonestSceneClient;
  readonly #b: HonestSceneClient;
  readonly #sentAt: number[] = [];
  readonly #target: number[] = [];
  readonly #answered = new Set<number>();
  readonly #rtts: number[] = [];
  #misattributed = 0;
  #foreign = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = 0;
  #bId = 0;

  constructor() {
    this.#a = new HonestSceneClient({ ping: () => this.#foreign++, pong: (n) => this.#pong(n) });
    this.#b = new HonestSceneClient({
      ping: (n) => {
        const from = this.#b.scene.getRemoteSenderId();
        if (from !== this.#a.scene.getUniqueId()) this.#foreign++;
        this.#b.node.rpcId(from, 'pong', n);
      },
      pong: () => this.#foreign++,
    });
  }

  /** The ids of A and B once started. */
  get ids(): [number, number] {
    return [this.#a.scene.getUniqueId(), this.#b.scene.getUniqueId()];
  }

  /** Connects both to `url`, waits until each sees the other, and starts calling. */
  async start(url: string, intervalMs = 10): Promise<void> {
    await this.#a.connect(url);
    await this.#b.connect(url);
    this.#bId = this.#b.scene.getUniqueId();
    const deadline = performance.now() + 5000;
    while (!this.#a.scene.getPeers().includes(this.#bId)) {
      if (performance.now() > deadline) throw new Error('honest scene clients never saw each other');
      await new Promise((r) => setTimeout(r, 5));
    }
    this.#timer = setInterval(() => this.#send(), intervalMs);
  }

  /** Stops calling, waits up to `drainMs` for the answers in flight, disconnects both, and reports. */
  async stop(drainMs = 3000): Promise<HonestSceneFigures> {
    clearInterval(this.#timer);
    const deadline = performance.now() + drainMs;
    while (this.#rtts.length < this.#seq && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const peersOfA = this.#a.scene.getPeers();
    const open = this.#a.scene.getPeers().includes(1) && this.#b.scene.getPeers().includes(1);
    this.#a.peer.close();
    this.#b.peer.close();
    const sorted = [...this.#rtts].sort((x, y) => x - y);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      sent: this.#seq,
      received: this.#rtts.length,
      lost: this.#seq - this.#rtts.length,
      worstMs: sorted[sorted.length - 1] ?? 0,
      p99Ms: at(0.99),
      medianMs: at(0.5),
      misattributed: this.#misattributed,
      foreign: this.#foreign,
      peersOfA,
      aSeesB: peersOfA.includes(this.#bId),
      open,
    };
  }

  #send(): void {
    const seq = this.#seq++;
    const target = seq % 2 === 0 ? 1 : this.#bId;
    this.#sentAt[seq] = performance.now();
    this.#target[seq] = target;
    this.#a.node.rpcId(target, 'ping', seq);
  }

  #pong(n: number): void {
    const from = this.#a.scene.getRemoteSenderId();
    const target = this.#target[n];
    if (from !== 1 && from !== this.#bId) {
      this.#foreign++;
      return;
    }
    if (target !== from || this.#answered.has(n)) {
      this.#misattributed++;
      return;
    }
    this.#answered.add(n);
    this.#rtts.push(performance.now() - (this.#sentAt[n] as number));
  }
}
