# The game node of Godot 3.2's websocket_multiplayer demo (script/game.gd), with the same RPC
# functions and modes, its UI (player list, crown, Action button, log) replaced by JSON events.
# demo_game_client.gd puts it at Main/Panel/VBoxContainer/Game, the demo's node path.
# Events: "add_player" {id, name}, "del_player" {id}, "update_player_name" {id, name},
#   "set_turn" {turn, player, mine}, "log" {text}.
extends Node

signal turn_changed(mine)

var A = null
var _players = []
var _names = []
var _turn = -1

master func set_player_name(name):
	var sender = get_tree().get_rpc_sender_id()
	rpc("update_player_name", sender, name)

sync func update_player_name(player, name):
	var pos = _players.find(player)
	if pos != -1:
		_names[pos] = name
		A.emit("update_player_name", {"id": player, "name": name})

master func request_action(action):
	var sender = get_tree().get_rpc_sender_id()
	if _players[_turn] != get_tree().get_rpc_sender_id():
		rpc("_log", "Someone is trying to cheat! %s" % str(sender))
		return
	do_action(action)
	next_turn()

sync func do_action(action):
	var name = get_player_name(_turn)
	var val = randi() % 100
	rpc("_log", "%s: %ss %d" % [name, action, val])

sync func set_turn(turn):
	_turn = turn
	if turn >= _players.size():
		return
	var mine = _players[turn] == get_tree().get_network_unique_id()
	A.emit("set_turn", {"turn": turn, "player": _players[turn], "mine": mine})
	emit_signal("turn_changed", mine)

sync func del_player(id):
	var pos = _players.find(id)
	if pos == -1:
		return
	_players.remove(pos)
	_names.remove(pos)
	if _turn > pos:
		_turn -= 1
	A.emit("del_player", {"id": id})
	if get_tree().is_network_server():
		rpc("set_turn", _turn)

sync func add_player(id, name = ""):
	_players.append(id)
	_names.append(name if name != "" else "... connecting ...")
	A.emit("add_player", {"id": id, "name": name})

func get_player_name(pos):
	return _names[pos] if pos < _names.size() else "Error!"

func next_turn():
	_turn += 1
	if _turn >= _players.size():
		_turn = 0
	rpc("set_turn", _turn)

func player_count():
	return _players.size()

sync func _log(what):
	A.emit("log", {"text": what})
