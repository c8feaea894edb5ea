# A headless Godot 3.2 player of the websocket_multiplayer demo, used by the demo page's e2e tests
# to join the same game as the browsers: WebSocketClient.connect_to_url(url, ["ludus"], true) as
# the tree's network_peer, the demo's game node (demo_game_node.gd) at Main/Panel/VBoxContainer/Game,
# rpc("set_player_name", --name) once connected (as main.gd does), then it presses the Action
# button (rpc_id(1, "request_action", "roll")) --roll_delay seconds after each of its turns starts,
# at most --rolls times. With --cheat=1 it also requests one roll out of turn, once another player
# holds the turn, which the server must refuse. Quits when the connection ends or after --lifetime s.
# Args: --url, --name, --roll_delay, --rolls (-1: no limit), --cheat, --lifetime.
# Events: those of demo_game_node.gd, plus "connect_result" {err}, "connected" {id},
#   "roll_requested" {turn}, "cheat_requested", "closed" {why}, "timeout", "quit".
extends SceneTree

var A = preload("res://args.gd").new()
var client = WebSocketClient.new()
var game = null
var elapsed = 0.0
var lifetime = 20.0
var roll_delay = 0.3
var rolls_left = -1
var roll_at = -1.0
var cheat = false
var finished = false

func _initialize():
	Engine.target_fps = 60
	lifetime = float(A.arg("lifetime", "20"))
	roll_delay = float(A.arg("roll_delay", "0.3"))
	rolls_left = int(A.arg("rolls", "-1"))
	cheat = A.arg("cheat", "0") == "1"
	game = _build_scene()
	game.connect("turn_changed", self, "_turn_changed")
	connect("connected_to_server", self, "_connected")
	connect("connection_failed", self, "_closed", ["connection_failed"])
	connect("server_disconnected", self, "_closed", ["server_disconnected"])
	var err = client.connect_to_url(A.arg("url"), PoolStringArray(["ludus"]), true)
	A.emit("connect_result", {"err": err})
	network_peer = client

# main.tscn's path to the game node: Main/Panel/VBoxContainer/Game.
func _build_scene():
	var parent = root
	for part in ["Main", "Panel", "VBoxContainer"]:
		var node = Node.new()
		node.name = part
		parent.add_child(node)
		parent = node
	var node = Node.new()
	node.name = "Game"
	node.set_script(load("res://demo_game_node.gd"))
	node.A = A
	parent.add_child(node)
	return node

func _connected():
	A.emit("connected", {"id": get_network_unique_id()})
	game.rpc("set_player_name", A.arg("name", "Godot"))

func _turn_changed(mine):
	if mine and rolls_left != 0:
		roll_at = elapsed + roll_delay
	elif not mine and cheat and game.player_count() > 1:
		cheat = false
		A.emit("cheat_requested")
		game.rpc_id(1, "request_action", "roll")

func _closed(why):
	A.emit("closed", {"why": why})
	_finish()

func _finish():
	if finished:
		return
	finished = true
	network_peer = null
	A.emit("quit")
	quit()

func _idle(delta):
	elapsed += delta
	if roll_at >= 0 and elapsed >= roll_at:
		roll_at = -1.0
		rolls_left -= 1
		A.emit("roll_requested", {"turn": game._turn})
		game.rpc_id(1, "request_action", "roll")
	if elapsed > lifetime and not finished:
		A.emit("timeout")
		client.disconnect_from_host(1001, "Bye bye!")
		_finish()
	return false
