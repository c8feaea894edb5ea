# A Godot 4 SceneMultiplayer client that uses only what a game uses: WebSocketMultiplayerPeer
# .create_client(url), multiplayer.multiplayer_peer, @rpc functions on its main node (/root/Main),
# rpc_id, send_bytes and, with `auth=<token>`, an auth_callback that sends the token and completes.
# The test drives it by calling its `command` RPC; everything it sees is printed as an event.
# Events: connected_to_server {id}, connection_failed, server_disconnected, peer_connected {id},
# peer_disconnected {id}, peer_authenticating {id}, peer_authentication_failed {id}, auth_data {from, text},
# peer_packet {from, hex}, and one per RPC below with its sender.
# Commands (words separated by spaces):
#   call <to> <method> [text]   rpc_id(to, method, text) (method hello, only_server, shout, ping)
#   bytes <to> <hex>            send_bytes
#   blob <to> <hex>             rpc_id(to, "blob", bytes) (the raw one-PackedByteArray form)
#   leave                       close the peer, quit
# Args: url, auth (token), lifetime.
extends "res://shared/probe.gd"

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

# Value exchange: check_value compares what arrived with the value the GDScript
# expression builds (type and value at every level); send_value sends that value back.
@rpc("any_peer")
func check_value(name: String, gd: String, value: Variant) -> void:
	var expected = build_value(gd)
	emit("check", {"name": name, "ok": same_value(value, expected), "got": var_to_str(value), "want": var_to_str(expected)})

@rpc("any_peer")
func send_value(name: String, gd: String) -> void:
	rpc_id(multiplayer.get_remote_sender_id(), "value_back", name, build_value(gd))

@rpc("any_peer")
func value_back(name: String, value: Variant) -> void:
	emit("value_back", {"name": name, "got": var_to_str(value)})

# Builds a value from a GDScript expression: compiles a one-line script (the full GDScript
# parser: constants like Quaternion.IDENTITY, &"name", ^"path", typed Array(...) / Dictionary(...)).
func build_value(gd: String) -> Variant:
	var script := GDScript.new()
	script.source_code = "extends RefCounted\nfunc value() -> Variant:\n\treturn " + gd + "\n"
	var err := script.reload()
	if err != OK:
		return "<does not compile: %s>" % gd
	return script.new().value()

# Compares strictly: the same Variant type at every level, typed containers of the same element
# type, floats equal (NaN equals NaN).
func same_value(a: Variant, b: Variant) -> bool:
	if typeof(a) != typeof(b):
		return false
	match typeof(a):
		TYPE_ARRAY:
			if not a.is_same_typed(b) or a.size() != b.size():
				return false
			for i in a.size():
				if not same_value(a[i], b[i]):
					return false
			return true
		TYPE_DICTIONARY:
			if not a.is_same_typed(b) or a.size() != b.size():
				return false
			var ka: Array = a.keys()
			var kb: Array = b.keys()
			for i in ka.size():
				if not same_value(ka[i], kb[i]) or not same_value(a[ka[i]], b[kb[i]]):
					return false
			return true
		TYPE_FLOAT:
			return a == b or (is_nan(a) and is_nan(b))
		_:
			return a == b
