import type { MultiplayerAPI, RpcNode } from 'wspeer/rpc';

/** Node path of the game in Godot's websocket_multiplayer demo (`main.tscn`). */
export const GAME_PATH = 'Main/Panel/VBoxContainer/Game';

/** Actions a player may request (Godot 4's demo adds "pass" to "roll"). */
const ACTIONS = new Set(['roll', 'pass']);

/**
 * The host side of Godot's websocket_multiplayer dice game (`game.gd`), with the same node path,
 * RPC names and modes, so Godot 3 clients of that demo can join: players take turns, the server
 * checks that the caller owns the turn ("Someone is trying to cheat!") and rolls for them.
 * Unlike Godot's demo, the Node host is not itself a player, and the `sync` functions are declared
 * `puppetsync` here: on the wire it is the same call, but only the host may make it, so a client
 * cannot set the turn or fake the log. A cheater is announced at most once per second (the
 * attempts in between are counted in `cheatsSuppressed`), so a flood of out-of-turn calls cannot
 * flood the room.
 */
export class DiceGame {
  /** Player ids in turn order. */
  readonly players: number[] = [];
  /** Player names by id. */
  readonly names = new Map<number, string>();
  /** Index of the player whose turn it is. */
  turn = 0;
  /** Out-of-turn requests not announced because the same player was announced less than a second before. */
  cheatsSuppressed = 0;
  /** When each peer was last announced as a cheater (connected peers only: entries leave with them). */
  readonly #lastCheat = new Map<number, number>();
  readonly #node;

  readonly #api: MultiplayerAPI;
  readonly #log: (line: string) => void;
  readonly #random: () => number;

  constructor(api: MultiplayerAPI, log: (line: string) => void, random: () => number = Math.random) {
    this.#api = api;
    this.#log = log;
    this.#random = random;
    this.#node = this.#declare();
    api.on('network_peer_connected', (id) => this.#onPeerAdd(id));
    api.on('network_peer_disconnected', (id) => this.#onPeerDel(id));
  }

  #declare() {
    return this.#api.node(GAME_PATH, {
      methods: {
        set_player_name: { mode: 'master', args: ['String'], handler: (name: string) => this.#setPlayerName(name) },
        update_player_name: {
          mode: 'puppetsync',
          handler: (player: number, name: string) => this.#updatePlayerName(player, name),
        },
        request_action: { mode: 'master', args: ['String'], handler: (action: string) => this.#requestAction(action) },
        do_action: { mode: 'puppetsync', handler: (_action: string) => {} },
        set_turn: { mode: 'puppetsync', handler: (turn: number) => this.#setTurn(turn) },
        del_player: { mode: 'puppetsync', handler: (id: number) => this.#delPlayer(id) },
        add_player: { mode: 'puppetsync', handler: (id: number, name = '') => this.#addPlayer(id, name) },
        _log: { mode: 'puppetsync', handler: (what: string) => this.#log(`[game] ${what}`) },
      },
    });
  }

  /** The RPC node (for tests and tools). */
  get rpcNode(): RpcNode {
    return this.#node as unknown as RpcNode;
  }

  #setPlayerName(name: string): void {
    const sender = this.#api.getRpcSenderId();
    this.#node.rpc('update_player_name', sender, name.slice(0, 32));
  }

  #updatePlayerName(player: number, name: string): void {
    if (this.players.includes(player)) this.names.set(player, name);
  }

  #requestAction(action: string): void {
    const sender = this.#api.getRpcSenderId();
    if (this.players[this.turn] !== sender || !ACTIONS.has(action)) {
      this.#cheat(sender);
      return;
    }
    this.#doAction(action);
    this.#nextTurn();
  }

  #cheat(sender: number): void {
    const now = performance.now();
    const last = this.#lastCheat.get(sender);
    if (last !== undefined && now - last < 1000) {
      this.cheatsSuppressed++;
      return;
    }
    this.#lastCheat.set(sender, now);
    this.#node.rpc('_log', `Someone is trying to cheat! ${sender}`);
  }

  #doAction(action: string): void {
    const name = this.names.get(this.players[this.turn] as number) || '... connecting ...';
    const value = Math.floor(this.#random() * 100);
    this.#node.rpc('_log', action === 'roll' ? `${name}: rolls ${value}` : `${name}: passes`);
  }

  #setTurn(turn: number): void {
    this.turn = turn;
  }

  #delPlayer(id: number): void {
    const pos = this.players.indexOf(id);
    if (pos === -1) return;
    this.players.splice(pos, 1);
    this.names.delete(id);
    if (this.turn > pos) this.turn -= 1;
    if (this.turn >= this.players.length) this.turn = 0;
    this.#node.rpc('set_turn', this.turn);
  }

  #addPlayer(id: number, name: string): void {
    if (this.players.includes(id)) return;
    this.players.push(id);
    this.names.set(id, name);
  }

  #nextTurn(): void {
    this.turn = this.players.length === 0 ? 0 : (this.turn + 1) % this.players.length;
    this.#node.rpc('set_turn', this.turn);
  }

  #onPeerAdd(id: number): void {
    for (const player of this.players) this.#node.rpcId(id, 'add_player', player, this.names.get(player) ?? '');
    this.#node.rpc('add_player', id, '');
    this.#node.rpcId(id, 'set_turn', this.turn);
    this.#log(`[game] player ${id} joined (${this.players.length} playing)`);
  }

  #onPeerDel(id: number): void {
    this.#lastCheat.delete(id);
    this.#node.rpc('del_player', id);
    this.#log(`[game] player ${id} left (${this.players.length} playing)`);
  }
}
