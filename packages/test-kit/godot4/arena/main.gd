# A Godot 4 player of the demo's real-time arena (/arena), with Godot's stock MultiplayerSpawner and
# MultiplayerSynchronizer nodes only: the server spawns a dot per player under Main/Players; we
# replicate our input, the server moves the dots. Prints connected_to_server {id}, spawned {name, x,
# y, mine}, despawned {name}, and moved {name, x, y, mine} whenever a dot moved 4 px or more since
# its last report.
# Args: url; drive=<x>,<y> (our input, default 0,0); lifetime.
extends "res://shared/probe.gd"

var peer := WebSocketMultiplayerPeer.new()
var mp: SceneMultiplayer
var drive := Vector2.ZERO
var reported := {}

@onready var players: Node2D = $Players

func _start() -> void:
	mp = multiplayer as SceneMultiplayer
	var parts := arg("drive", "0,0").split(",")
	drive = Vector2(float(parts[0]), float(parts[1]))
	mp.connected_to_server.connect(func(): emit("connected_to_server", {"id": mp.get_unique_id()}))
	mp.connection_failed.connect(func(): emit("connection_failed"); finish(1))
	mp.server_disconnected.connect(func(): emit("server_disconnected"); finish(0))
	$Spawner.spawned.connect(_on_spawned)
	$Spawner.despawned.connect(func(node: Node): emit("despawned", {"name": String(node.name)}))
	var err := peer.create_client(arg("url"))
	if err != OK:
		emit("create_client", {"err": err})
		finish(1)
		return
	mp.multiplayer_peer = peer

func _on_spawned(node: Node) -> void:
	reported[node.name] = node.position
	emit("spawned", {"name": String(node.name), "x": node.position.x, "y": node.position.y, "mine": _mine(node)})

func _mine(node: Node) -> bool:
	return mp.has_multiplayer_peer() and node.name == str(mp.get_unique_id())

func _tick(_delta: float) -> void:
	for node in players.get_children():
		if _mine(node):
			node.input = drive
		var last: Vector2 = reported.get(node.name, node.position)
		if node.position.distance_to(last) >= 4.0:
			reported[node.name] = node.position
			emit("moved", {"name": String(node.name), "x": node.position.x, "y": node.position.y, "mine": _mine(node)})
