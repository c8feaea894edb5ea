import type { LogView } from '../log-view.ts';
import type { DiceTable } from './dice-table.ts';

/** The host refuses a roll out of turn with this line (then the id of the cheater). */
export const CHEAT_PREFIX = 'Someone is trying to cheat!';

/** The game node's path in Godot's websocket_multiplayer demo (`main.tscn`), Godot 3 and 4 alike. */
export const GAME_PATH = 'Main/Panel/VBoxContainer/Game';

/** What the host calls on a player (the RPC functions of the demo's `game.gd`), whatever the wire. */
export interface GameCalls {
  update_player_name(id: number, name: string): void;
  set_turn(turn: number): void;
  add_player(id: number, name?: string): void;
  del_player(id: number): void;
  _log(what: string): void;
}

/** The player side of the host's calls: they change `table` and write to `log`. `me()` is our peer id. */
export function gameCalls(table: DiceTable, log: LogView, me: () => number): GameCalls {
  return {
    update_player_name: (id, name) => table.updatePlayerName(id, name),
    set_turn: (turn) => table.setTurn(turn),
    add_player: (id, name = '') => {
      const known = table.players.includes(me());
      table.addPlayer(id, name);
      if (known) log.add(`Player #${id} joined`);
    },
    del_player: (id) => {
      const name = table.nameOf(id);
      if (table.delPlayer(id)) log.add(`${name} left`);
    },
    _log: (what) => log.add(what, what.startsWith(CHEAT_PREFIX) ? 'warning' : 'message'),
  };
}
