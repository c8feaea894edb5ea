import { ConnectionStatus, ErrorCode, errorName } from 'wspeer';
import type { LogView } from '../log-view.ts';
import { CLOSED_STATUS, type Session, type SessionStatus, stateName } from '../session.ts';
import { DiceTable } from './dice-table.ts';
import { gameCalls } from './game-calls.ts';
import type { GameLink, GameLinkEvents } from './game-link.ts';
import { godot3GameLink } from './godot3-game-link.ts';
import { godot4GameLink } from './godot4-game-link.ts';

/** The wire a player joins with: Godot 3's (`/game`) or Godot 4's (`/game4`). */
export type GameWire = 'godot3' | 'godot4';

const LINKS = { godot3: godot3GameLink, godot4: godot4GameLink };

/**
 * One player's connection to the dice game of Godot's websocket_multiplayer demo, over the Godot 3
 * or the Godot 4 wire (see the links). The host keeps the rules; this side asks (`request_action`)
 * and shows.
 */
export class GameSession implements Session {
  /** Players, names and turn, as the host told us. */
  readonly table = new DiceTable();
  #link: GameLink | null = null;
  #requested = -1;

  readonly #log: LogView;

  constructor(log: LogView) {
    this.#log = log;
  }

  /** Whether we are connected and have our peer id. */
  get connected(): boolean {
    return this.#link?.connectionStatus() === ConnectionStatus.CONNECTION_CONNECTED;
  }

  /** Whether a connection exists or is being made. */
  get busy(): boolean {
    return (this.#link?.connectionStatus() ?? 0) !== ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Our peer id (0 when not connected). */
  get uniqueId(): number {
    return this.#link?.uniqueId() ?? 0;
  }

  /** Whether it is our turn and we have not asked to roll yet. */
  get canRoll(): boolean {
    const me = this.uniqueId;
    return me !== 0 && this.table.current === me && this.#requested !== this.table.turnCount;
  }

  /** Joins the game at `url` as `name` over `wire` (the name follows with `set_player_name`). */
  join(url: string, name: string, wire: GameWire = 'godot3'): ErrorCode {
    this.#link?.dispose();
    this.table.clear();
    const calls = gameCalls(this.table, this.#log, () => this.uniqueId);
    const link = LINKS[wire](name, calls, this.#events());
    this.#link = link;
    const err = link.start(url);
    if (err === ErrorCode.OK) this.#log.add(`Joining ${url} as ${name}…`);
    else this.#log.add(`Unable to connect: ${errorName(err)}`, 'warning');
    return err;
  }

  /** Leaves the game (close 1000). */
  leave(): void {
    this.#link?.leave();
  }

  /**
   * Asks the host to roll for us (the demo's Action button). Out of turn, the host refuses and
   * tells everyone that someone is trying to cheat.
   */
  roll(): ErrorCode {
    if (this.#link === null || !this.connected) return ErrorCode.ERR_UNCONFIGURED;
    if (this.table.current === this.uniqueId) this.#requested = this.table.turnCount;
    return this.#link.requestAction('roll');
  }

  poll(): void {
    this.#link?.poll();
  }

  status(): SessionStatus {
    const peer = this.#link?.hostPeer();
    if (this.#link == null || peer == null) return CLOSED_STATUS;
    return {
      state: stateName(peer.readyState, this.#link.connectionStatus()),
      protocol: peer.selectedProtocol,
      peerId: this.uniqueId,
    };
  }

  #events(): GameLinkEvents {
    return {
      connected: () => {
        const protocol = this.#link?.hostPeer()?.selectedProtocol;
        this.#log.add(`Connected as player #${this.uniqueId}, protocol: ${protocol}`);
      },
      ended: (why) => {
        this.#log.add(why, 'warning');
        this.table.clear();
      },
      reconnecting: (attempt) => this.#log.add(`Connection lost: reconnecting (attempt ${attempt})…`, 'warning'),
      reconnected: () => this.#log.add(`Back in the game as player #${this.uniqueId}`),
      refused: (from, reason) => this.#log.add(`Refused a packet from #${from}: ${reason}`, 'warning'),
    };
  }
}
