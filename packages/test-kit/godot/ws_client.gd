# Godot 3.2 WebSocketClient in raw mode. Sends --send (a JSON array: "t:text" as text frames,
# "b:hex" as binary) once connected, waits for --expect packets, then closes with --close_code
# and --close_reason (unless --close_code=0, then it waits for the server to close).
# Args: --url, --protocols, --send, --expect, --close_code, --close_reason, --lifetime.
extends SceneTree

var A = preload("res://args.gd").new()
var client = WebSocketClient.new()
var elapsed = 0.0
var lifetime = 20.0
var expect = 0
var received = 0
var close_code = 1000
var closed = false

func _init():
	lifetime = float(A.arg("lifetime", "20"))
	expect = int(A.arg("expect", "0"))
	close_code = int(A.arg("close_code", "1000"))
	client.connect("connection_established", self, "_connected")
	client.connect("connection_error", self, "_error")
	client.connect("connection_closed", self, "_closed")
	client.connect("data_received", self, "_on_data")
	client.connect("server_close_request", self, "_close_request")
	var protocols = PoolStringArray(A.arg("protocols", "").split(",", false))
	var err = client.connect_to_url(A.arg("url"), protocols)
	A.emit("connect_result", {"err": err})

func _connected(protocol):
	A.emit("connection_established", {"protocol": protocol})
	var peer = client.get_peer(1)
	var messages = JSON.parse(A.arg("send", "[]")).result
	for m in messages:
		if m.begins_with("t:"):
			peer.set_write_mode(WebSocketPeer.WRITE_MODE_TEXT)
			peer.put_packet(m.substr(2).to_utf8())
		else:
			peer.set_write_mode(WebSocketPeer.WRITE_MODE_BINARY)
			peer.put_packet(_unhex(m.substr(2)))
	_maybe_close()

func _on_data():
	var peer = client.get_peer(1)
	var pkt = peer.get_packet()
	received += 1
	A.emit("data", {"was_string": peer.was_string_packet(), "size": pkt.size(), "text": pkt.get_string_from_utf8(), "hex": pkt.hex_encode()})
	_maybe_close()

func _maybe_close():
	if received >= expect and close_code != 0 and not closed:
		closed = true
		client.disconnect_from_host(close_code, A.arg("close_reason", ""))
		A.emit("close_sent", {"code": close_code})

func _close_request(code, reason):
	A.emit("server_close_request", {"code": code, "reason": reason})

func _error():
	A.emit("connection_error")
	_finish()

func _closed(was_clean):
	A.emit("connection_closed", {"was_clean": was_clean})
	_finish()

func _finish():
	A.emit("quit")
	quit()

func _unhex(h):
	var out = PoolByteArray()
	for i in range(0, h.length(), 2):
		out.append(("0x" + h.substr(i, 2)).hex_to_int())
	return out

func _idle(delta):
	client.poll()
	elapsed += delta
	if elapsed > lifetime:
		A.emit("timeout")
		quit()
	return false
