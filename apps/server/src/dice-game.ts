/** Node path of the game in Godot's websocket_multiplayer demo (`main.tscn`), in Godot 3 and Godot 4. */
export const GAME_PATH = 'Main/Panel/VBoxContainer/Game';

/** Actions a player may request (Godot 4's demo adds "pass" to "roll"). */
const ACTIONS = new Set(['roll', 'pass']);

/** Longest player name kept (longer ones are cut). */
const MAX_NAME = 32;

/** The calls the host makes on players: the RPC functions of the demo's `game.gd`. */
export interface DiceCalls {
  add_player: [id: number, name?: string];
  del_player: [id: number];
  set_turn: [turn: number];
  update_player_name: [player: number, name: string];
  _log: [what: string];
}

/**
 * How the game reaches its players: one wire's RPC node (Godot 3's `MultiplayerAPI` or Godot 4's
 * `SceneMultiplayer`). `to` is a peer id, or 0 for every peer.
 */
export type DiceSend = <K extends keyof DiceCalls>(to: number, method: K, ...args: DiceCalls[K]) => void;

/**
 * The host side of Godot's websocket_multiplayer dice game (`game.gd`), whatever the wire: players
 * take turns, the host checks that the caller owns the turn ("Someone is trying to cheat!") and
 * rolls for them. The endpoints (`/game` for Godot 3, `/game4` for Godot 4) declare the demo's RPC
 * functions with their engine's modes and call {@link DiceGame.setPlayerName} and
 * {@link DiceGame.requestAction} with the true sender. Unlike Godot's demo, the Node host is not
 * itself a player, and only it may call the functions that change the table, so a client cannot
 * set the turn or fake the log through the relay. A refused request (a cheat, an unknown action) is announced at most once per second per player
 * (the attempts in between are counted in `cheatsSuppressed`), so a flood of out-of-turn calls
 * cannot flood the room.
 */
export class DiceGame {
  /** Player ids in turn order. */
  readonly players: number[] = [];
  /** Player names by id. */
  readonly names = new Map<number, string>();
  /** Index of the player whose turn it is. */
  turn = 0;
  /** Refused requests (out of turn, unknown action) not announced because the same player was announced less than a second before. */
  cheatsSuppressed = 0;
  /** When each peer was last announced as a cheater (connected peers only: entries leave with them). */
  readonly #lastCheat = new Map<number, number>();

  readonly #send: DiceSend;
  readonly #log: (line: string) => void;
  readonly #random: () => number;

  constructor(send: DiceSend, log: (line: string) => void, random: () => number = Math.random) {
    this.#send = send;
    this.#log = log;
    this.#random = random;
  }

  /** `set_player_name` from `sender`: everyone learns the name. */
  setPlayerName(sender: number, name: string): void {
    const cut = name.slice(0, MAX_NAME);
    if (this.players.includes(sender)) this.names.set(sender, cut);
    this.#send(0, 'update_player_name', sender, cut);
  }

  /** `request_action` from `sender`: done when it is the sender's turn, else refused for all to see. */
  requestAction(sender: number, action: string): void {
    if (this.players[this.turn] !== sender) {
      this.#refuse(sender, `Someone is trying to cheat! ${sender}`);
      return;
    }
    if (!ACTIONS.has(action)) {
      this.#refuse(sender, `Invalid action: ${action.slice(0, MAX_NAME)}`);
      return;
    }
    const name = this.names.get(sender) || '... connecting ...';
    this.#say(action === 'roll' ? `${name}: rolls ${Math.floor(this.#random() * 100)}` : `${name}: passes`);
    this.#setTurn(this.players.length === 0 ? 0 : (this.turn + 1) % this.players.length);
  }

  /** A peer joined: it learns the table, everyone learns of it. */
  join(id: number): void {
    if (this.players.includes(id)) return;
    for (const player of this.players) this.#send(id, 'add_player', player, this.names.get(player) ?? '');
    this.#send(0, 'add_player', id);
    this.players.push(id);
    this.names.set(id, '');
    this.#send(id, 'set_turn', this.turn);
    this.#log(`player ${id} joined (${this.players.length} playing)`);
  }

  /** A peer left: everyone drops it, and the turn stays with the same player (or wraps). */
  leave(id: number): void {
    this.#lastCheat.delete(id);
    const pos = this.players.indexOf(id);
    if (pos === -1) return;
    this.players.splice(pos, 1);
    this.names.delete(id);
    this.#send(0, 'del_player', id);
    if (this.turn > pos) this.turn -= 1;
    this.#setTurn(this.turn >= this.players.length ? 0 : this.turn);
    this.#log(`player ${id} left (${this.players.length} playing)`);
  }

  /** Announces a refused request, at most once a second per sender. */
  #refuse(sender: number, what: string): void {
    const now = performance.now();
    const last = this.#lastCheat.get(sender);
    if (last !== undefined && now - last < 1000) {
      this.cheatsSuppressed++;
      return;
    }
    this.#lastCheat.set(sender, now);
    this.#say(what);
  }

  #setTurn(turn: number): void {
    this.turn = turn;
    this.#send(0, 'set_turn', turn);
  }

  #say(what: string): void {
    this.#log(what);
    this.#send(0, '_log', what);
  }
}
