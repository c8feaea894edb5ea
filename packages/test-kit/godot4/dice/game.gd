# The game node of Godot 4's websocket_multiplayer demo (script/game.gd), with the same @rpc
# functions, modes and argument types (Godot numbers RPCs by their sorted names and checks the
# list, so they must match the server's), its UI (player list, crown, Action button, log) replaced
# by JSON events through the probe. main.tscn puts it at Main/Panel/VBoxContainer/Game, the demo's
# node path. Events: "add_player" {id, name}, "del_player" {id}, "update_player_name" {id, name},
# "set_turn" {turn, player, mine}, "log" {text}.
extends Node

signal turn_changed(mine: bool)

var probe: Node
var _players: Array[int] = []
var _names: Array[String] = []
var _turn := -1


@rpc
func _log(message: String) -> void:
	probe.emit("log", {"text": message})


# Only the authority (the host) acts on it; on players it arrives through the relay and is ignored.
@rpc("any_peer")
func set_player_name(p_name: String) -> void:
	if not is_multiplayer_authority():
		return
	update_player_name.rpc(multiplayer.get_remote_sender_id(), p_name)


@rpc("call_local")
func update_player_name(player: int, p_name: String) -> void:
	var pos := _players.find(player)
	if pos != -1:
		_names[pos] = p_name
		probe.emit("update_player_name", {"id": player, "name": p_name})


@rpc("any_peer")
func request_action(_action: String) -> void:
	pass


@rpc("call_local")
func set_turn(turn: int) -> void:
	_turn = turn
	if turn >= _players.size():
		return
	var mine := _players[turn] == multiplayer.get_unique_id()
	probe.emit("set_turn", {"turn": turn, "player": _players[turn], "mine": mine})
	turn_changed.emit(mine)


@rpc("call_local")
func del_player(id: int) -> void:
	var pos := _players.find(id)
	if pos == -1:
		return
	_players.remove_at(pos)
	_names.remove_at(pos)
	if _turn > pos:
		_turn -= 1
	probe.emit("del_player", {"id": id})


@rpc("call_local")
func add_player(id: int, p_name: String = "") -> void:
	_players.append(id)
	_names.append(p_name if p_name != "" else "... connecting ...")
	probe.emit("add_player", {"id": id, "name": p_name})


func player_count() -> int:
	return _players.size()
