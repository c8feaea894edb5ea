# A Godot 4 multiplayer client: WebSocketMultiplayerPeer.create_client(url) on the default
# SceneMultiplayer. Prints "create_client" (err), then the multiplayer signals: "connected_to_server"
# (with its unique id), "connection_failed", "server_disconnected", "peer_connected" and
# "peer_disconnected" (id), "peer_packet" (from, hex). Once connected it sends `send` (hex) with
# send_bytes to peer `to` (default 1, the server) and prints "sent".
# A RAW packet whose text starts with "!" is a command (printed as "command"):
#   !send <to> <hex>   send_bytes(<hex>, <to>)
#   !leave             close the peer (the server sees us leave), print "left", quit
#   !quit              quit
# Quits on server_disconnected / connection_failed, and after `lifetime` seconds at the latest.
# Args: url, send (hex), to, lifetime.
extends "res://shared/probe.gd"

var peer := WebSocketMultiplayerPeer.new()
var mp: SceneMultiplayer

func _start() -> void:
	mp = multiplayer as SceneMultiplayer
	mp.connected_to_server.connect(_on_connected)
	mp.connection_failed.connect(_on_failed)
	mp.server_disconnected.connect(_on_server_disconnected)
	mp.peer_connected.connect(func(id: int): emit("peer_connected", {"id": id}))
	mp.peer_disconnected.connect(func(id: int): emit("peer_disconnected", {"id": id}))
	mp.peer_packet.connect(_on_packet)
	var err := peer.create_client(arg("url"))
	emit("create_client", {"err": err})
	if err != OK:
		finish(1)
		return
	mp.multiplayer_peer = peer

func _on_connected() -> void:
	emit("connected_to_server", {"id": mp.get_unique_id()})
	if has_arg("send"):
		_send(int(arg("to", "1")), arg("send"))

func _on_failed() -> void:
	emit("connection_failed")
	finish(1)

func _on_server_disconnected() -> void:
	emit("server_disconnected")
	finish(0)

func _on_packet(from: int, packet: PackedByteArray) -> void:
	emit("peer_packet", {"from": from, "hex": packet.hex_encode()})
	if packet.size() > 0 and packet[0] == 0x21:
		_command(from, packet.get_string_from_utf8())

func _command(from: int, text: String) -> void:
	var words := text.split(" ", false)
	emit("command", {"from": from, "text": text})
	match words[0]:
		"!send":
			_send(int(words[1]), words[2] if words.size() > 2 else "")
		"!leave":
			peer.close()
			emit("left")
			finish(0)
		"!quit":
			finish(0)

func _send(to: int, hex: String) -> void:
	var err := mp.send_bytes(hex.hex_decode(), to)
	emit("sent", {"to": to, "hex": hex, "err": err})
