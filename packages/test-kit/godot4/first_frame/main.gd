# FROZEN regression fixture (do not edit): an early scene_client with an extra script (values.gd).
# With the old probe page (a 320x200 canvas under --headless) the 4.6 web build crashed in its first
# frame ("RuntimeError: null function" from callMain) whenever the user arguments had a length in a
# window that depends on this exact pack; test/godot4-first-frame.node.test.ts sweeps that window.
# Why: web_main.cpp asks DisplayServerWeb whether the canvas size changed even when --headless made
# the display server a DisplayServerHeadless, then reads a Callable past the end of that object.
# Editing any file here moves the window; re-check the test against the old page if you must.
extends "res://shared/probe.gd"

const Values = preload("res://values.gd")

var peer := WebSocketMultiplayerPeer.new()
var mp: SceneMultiplayer

func _start() -> void:
	mp = multiplayer as SceneMultiplayer
	mp.connected_to_server.connect(func(): emit("connected_to_server", {"id": mp.get_unique_id()}))
	mp.connection_failed.connect(func(): emit("connection_failed"); finish(1))
	mp.server_disconnected.connect(func(): emit("server_disconnected"); finish(0))
	mp.peer_connected.connect(func(id: int): emit("peer_connected", {"id": id}))
	mp.peer_disconnected.connect(func(id: int): emit("peer_disconnected", {"id": id}))
	mp.peer_authenticating.connect(_on_authenticating)
	mp.peer_authentication_failed.connect(func(id: int): emit("peer_authentication_failed", {"id": id}))
	mp.peer_packet.connect(func(from: int, data: PackedByteArray): emit("peer_packet", {"from": from, "hex": data.hex_encode()}))
	if has_arg("auth"):
		mp.auth_callback = func(id: int, data: PackedByteArray): emit("auth_data", {"from": id, "text": data.get_string_from_utf8()})
	var err := peer.create_client(arg("url"))
	emit("create_client", {"err": err})
	if err != OK:
		finish(1)
		return
	mp.multiplayer_peer = peer

func _on_authenticating(id: int) -> void:
	emit("peer_authenticating", {"id": id})
	mp.send_auth(id, arg("auth").to_utf8_buffer())
	mp.complete_auth(id)

# --- RPCs: the same names (and so the same checksum) as the TypeScript side declares ---

@rpc("any_peer")
func hello(text: String) -> void:
	emit("hello", {"from": multiplayer.get_remote_sender_id(), "text": text})

@rpc("any_peer")
func ping(text: String) -> void:
	emit("ping", {"from": multiplayer.get_remote_sender_id(), "text": text})
	rpc_id(multiplayer.get_remote_sender_id(), "pong", text)

@rpc("any_peer")
func pong(text: String) -> void:
	emit("pong", {"from": multiplayer.get_remote_sender_id(), "text": text})

# Only the node's authority (the server, 1) may call it.
@rpc
func only_server(text: String) -> void:
	emit("only_server", {"from": multiplayer.get_remote_sender_id(), "text": text})

@rpc("any_peer", "call_local")
func shout(text: String) -> void:
	emit("shout", {"from": multiplayer.get_remote_sender_id(), "text": text})

@rpc("any_peer")
func blob(data: PackedByteArray) -> void:
	emit("blob", {"from": multiplayer.get_remote_sender_id(), "hex": data.hex_encode()})

@rpc("any_peer")
func command(text: String) -> void:
	var w := text.split(" ", false)
	emit("command", {"from": multiplayer.get_remote_sender_id(), "text": text})
	match w[0]:
		"call":
			var err := rpc_id(int(w[1]), w[2], w[3] if w.size() > 3 else "")
			emit("called", {"to": int(w[1]), "method": w[2], "err": err})
		"bytes":
			emit("sent", {"err": mp.send_bytes(w[2].hex_decode(), int(w[1]))})
		"blob":
			emit("called", {"to": int(w[1]), "method": "blob", "err": rpc_id(int(w[1]), "blob", w[2].hex_decode())})
		"leave":
			peer.close()
			emit("left")
			finish(0)

# Value exchange, see values.gd: check_value compares what arrived with the value the GDScript
# expression builds (type and value at every level); send_value sends that value back.
@rpc("any_peer")
func check_value(name: String, gd: String, value: Variant) -> void:
	var expected = Values.build(gd)
	emit("check", {"name": name, "ok": Values.same(value, expected), "got": var_to_str(value), "want": var_to_str(expected)})

@rpc("any_peer")
func send_value(name: String, gd: String) -> void:
	rpc_id(multiplayer.get_remote_sender_id(), "value_back", name, Values.build(gd))

@rpc("any_peer")
func value_back(name: String, value: Variant) -> void:
	emit("value_back", {"name": name, "got": var_to_str(value)})
