/** Shown for a player whose name has not arrived yet, as in the demo. */
export const CONNECTING_NAME = '... connecting ...';

/**
 * The client-side state of Godot's dice game (`game.gd` without its UI): players in turn order,
 * their names and whose turn it is, changed only by the host's RPCs.
 */
export class DiceTable {
  /** Player ids in turn order. */
  readonly players: number[] = [];
  /** Index of the player whose turn it is (-1 before the host said). */
  turn = -1;
  /** Bumped on every change, so the view re-renders only when needed. */
  version = 0;
  /** How many `set_turn` calls arrived (a new turn, or the same one confirmed). */
  turnCount = 0;
  readonly #names = new Map<number, string>();

  /** `add_player(id, name="")`. */
  addPlayer(id: number, name = ''): void {
    if (this.players.includes(id)) return;
    this.players.push(id);
    this.#names.set(id, name);
    this.version++;
  }

  /** `del_player(id)`: the turn index follows the players after the one who left. */
  delPlayer(id: number): boolean {
    const pos = this.players.indexOf(id);
    if (pos === -1) return false;
    this.players.splice(pos, 1);
    this.#names.delete(id);
    if (this.turn > pos) this.turn -= 1;
    this.version++;
    return true;
  }

  /** `update_player_name(id, name)`. */
  updatePlayerName(id: number, name: string): void {
    if (!this.players.includes(id)) return;
    this.#names.set(id, name);
    this.version++;
  }

  /** `set_turn(turn)`. */
  setTurn(turn: number): void {
    this.turn = turn;
    this.turnCount++;
    this.version++;
  }

  /** The id of the player whose turn it is, or `undefined`. */
  get current(): number | undefined {
    return this.players[this.turn];
  }

  /** A player's name, or the demo's placeholder while it connects. */
  nameOf(id: number): string {
    return this.#names.get(id) || CONNECTING_NAME;
  }

  /** Forgets every player. */
  clear(): void {
    this.players.length = 0;
    this.#names.clear();
    this.turn = -1;
    this.version++;
  }
}
