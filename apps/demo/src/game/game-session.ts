import { CloseCode, ConnectionStatus, ErrorCode, errorName } from 'wspeer';
import { WebSocketClient } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import type { LogView } from '../log-view.ts';
import { CLOSED_STATUS, type Session, type SessionStatus, stateName } from '../session.ts';
import { DiceTable } from './dice-table.ts';

/** The game node's path in Godot's websocket_multiplayer demo (`main.tscn`). */
export const GAME_PATH = 'Main/Panel/VBoxContainer/Game';

/** The host refuses a roll out of turn with this line (then the id of the cheater). */
export const CHEAT_PREFIX = 'Someone is trying to cheat!';

/** Our side of the game node: the RPC functions of `game.gd` that the host calls on players. */
function gameNode(api: MultiplayerAPI, table: DiceTable, log: LogView) {
  // Functions the host calls are `puppetsync` here (Godot's demo says `sync`): same wire, but only the
  // host may call them, so another client cannot fake a turn or a log line through the relay.
  return api.node(GAME_PATH, {
    methods: {
      set_player_name: { mode: 'master', handler: (_name: string) => {} },
      request_action: { mode: 'master', handler: (_action: string) => {} },
      update_player_name: {
        mode: 'puppetsync',
        handler: (id: number, name: string) => table.updatePlayerName(id, name),
      },
      set_turn: { mode: 'puppetsync', handler: (turn: number) => table.setTurn(turn) },
      add_player: {
        mode: 'puppetsync',
        handler: (id: number, name = '') => {
          const known = table.players.includes(api.getUniqueId());
          table.addPlayer(id, name);
          if (known) log.add(`Player #${id} joined`);
        },
      },
      del_player: {
        mode: 'puppetsync',
        handler: (id: number) => {
          const name = table.nameOf(id);
          if (table.delPlayer(id)) log.add(`${name} left`);
        },
      },
      _log: {
        mode: 'puppetsync',
        handler: (what: string) => log.add(what, what.startsWith(CHEAT_PREFIX) ? 'warning' : 'message'),
      },
    },
  });
}

/**
 * One player's connection to the dice game of Godot's websocket_multiplayer demo: a multiplayer
 * WebSocketClient (`connectToUrl(url, ["ludus"], true)`) under a MultiplayerAPI, with the game node
 * at the demo's path. The host keeps the rules; this side asks (`request_action`) and shows.
 */
export class GameSession implements Session {
  /** Players, names and turn, as the host told us. */
  readonly table = new DiceTable();
  #client: WebSocketClient | null = null;
  #api: MultiplayerAPI | null = null;
  #node: ReturnType<typeof gameNode> | null = null;
  #requested = -1;

  readonly #log: LogView;

  constructor(log: LogView) {
    this.#log = log;
  }

  /** Whether we are connected and have our peer id. */
  get connected(): boolean {
    return this.#client?.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED;
  }

  /** Whether a connection exists or is being made. */
  get busy(): boolean {
    return (this.#client?.getConnectionStatus() ?? 0) !== ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Our peer id (0 when not connected). */
  get uniqueId(): number {
    return this.#api?.getUniqueId() ?? 0;
  }

  /** Whether it is our turn and we have not asked to roll yet. */
  get canRoll(): boolean {
    const me = this.uniqueId;
    return me !== 0 && this.table.current === me && this.#requested !== this.table.turnCount;
  }

  /** Joins the game at `url` as `name` (sent with `set_player_name` once connected). */
  join(url: string, name: string): ErrorCode {
    this.#api?.removeAllListeners();
    this.#client?.removeAllListeners();
    this.table.clear();
    const client = new WebSocketClient();
    const api = new MultiplayerAPI(client);
    this.#client = client;
    this.#api = api;
    const node = gameNode(api, this.table, this.#log);
    this.#node = node;
    api.on('connected_to_server', () => {
      this.#log.add(`Connected as player #${api.getUniqueId()}, protocol: ${client.getPeer(1)?.selectedProtocol}`);
      // main.gd calls rpc(); the host is the node's master, so only it needs the call.
      node.rpcId(1, 'set_player_name', name);
    });
    api.on('connection_failed', () => this.#ended('Connection failed'));
    api.on('server_disconnected', () => this.#ended('Connection closed'));
    api.on('rpc_refused', (from, reason) => this.#log.add(`Refused a packet from #${from}: ${reason}`, 'warning'));
    const err = client.connectToUrl(url, ['ludus'], true);
    if (err === ErrorCode.OK) this.#log.add(`Joining ${url} as ${name}…`);
    else this.#log.add(`Unable to connect: ${errorName(err)}`, 'warning');
    return err;
  }

  /** Leaves the game (close 1000). */
  leave(): void {
    this.#client?.disconnectFromHost(CloseCode.NORMAL, 'Bye bye!');
  }

  /**
   * Asks the host to roll for us (the demo's Action button). Out of turn, the host refuses and
   * tells everyone that someone is trying to cheat.
   */
  roll(): ErrorCode {
    if (this.#node === null || !this.connected) return ErrorCode.ERR_UNCONFIGURED;
    if (this.table.current === this.uniqueId) this.#requested = this.table.turnCount;
    return this.#node.rpcId(1, 'request_action', 'roll');
  }

  poll(): void {
    this.#api?.poll();
  }

  status(): SessionStatus {
    const peer = this.#client?.getPeer(1);
    if (this.#client == null || peer == null) return CLOSED_STATUS;
    return {
      state: stateName(peer.readyState, this.#client.getConnectionStatus()),
      protocol: peer.selectedProtocol,
      peerId: this.uniqueId,
    };
  }

  #ended(why: string): void {
    this.#log.add(why, 'warning');
    this.table.clear();
  }
}
