# The Godot 4 client of the README's Node server example (apps/examples/src/godot4-server.ts), as a
# game would write it: create_client, multiplayer_peer, @rpc functions, rpc_id. Prints the welcome
# as an event and quits. Args: url, name, lifetime.
extends "res://shared/probe.gd"

func _start() -> void:
	var peer := WebSocketMultiplayerPeer.new()
	peer.create_client(arg("url"))
	multiplayer.multiplayer_peer = peer
	multiplayer.connected_to_server.connect(_on_connected)

func _on_connected() -> void:
	emit("connected_to_server", {"id": multiplayer.get_unique_id()})
	hello.rpc_id(1, arg("name", "Godot"))

@rpc("any_peer")
func hello(_name: String) -> void:
	pass

@rpc
func welcome(text: String) -> void:
	emit("welcome", {"text": text, "from": multiplayer.get_remote_sender_id()})
	finish(0)
