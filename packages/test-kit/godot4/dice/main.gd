# A Godot 4 player of the websocket_multiplayer dice game, as the Godot 4 demo's main.gd plays it:
# WebSocketMultiplayerPeer with supported_protocols ["ludus"], create_client(url), the game node
# (game.gd) at Main/Panel/VBoxContainer/Game, set_player_name.rpc(name) once connected. It then
# presses the Action button (request_action.rpc_id(1, "roll")) roll_delay seconds after each of its
# turns starts, at most `rolls` times (-1: no limit). With cheat=1 it also requests one roll out of
# turn, once another player holds the turn, which the server must refuse.
# Args: url, name, roll_delay (default 0.3), rolls, cheat, lifetime.
# Events: those of game.gd, plus "create_client" {err}, "connected" {id}, "roll_requested" {turn},
#   "cheat_requested", "closed" {why}.
extends "res://shared/probe.gd"

var peer := WebSocketMultiplayerPeer.new()
var roll_delay := 0.3
var rolls_left := -1
var roll_in := -1.0
var cheat := false

@onready var game: Node = $Panel/VBoxContainer/Game

func _start() -> void:
	roll_delay = num("roll_delay", 0.3)
	rolls_left = int(num("rolls", -1))
	cheat = arg("cheat", "0") == "1"
	game.probe = self
	game.turn_changed.connect(_turn_changed)
	multiplayer.connected_to_server.connect(_connected)
	multiplayer.connection_failed.connect(func(): _closed("connection_failed"))
	multiplayer.server_disconnected.connect(func(): _closed("server_disconnected"))
	peer.supported_protocols = PackedStringArray(["ludus"])
	var err := peer.create_client(arg("url"))
	emit("create_client", {"err": err})
	if err != OK:
		finish(1)
		return
	multiplayer.multiplayer_peer = peer

func _connected() -> void:
	emit("connected", {"id": multiplayer.get_unique_id()})
	game.set_player_name.rpc(arg("name", "Godot"))

func _turn_changed(mine: bool) -> void:
	if mine and rolls_left != 0:
		roll_in = roll_delay
	elif not mine and cheat and game.player_count() > 1:
		cheat = false
		emit("cheat_requested")
		game.request_action.rpc_id(1, "roll")

func _closed(why: String) -> void:
	emit("closed", {"why": why})
	finish(0)

func _tick(delta: float) -> void:
	if roll_in < 0.0:
		return
	roll_in -= delta
	if roll_in < 0.0:
		rolls_left -= 1
		emit("roll_requested", {"turn": game._turn})
		game.request_action.rpc_id(1, "roll")
