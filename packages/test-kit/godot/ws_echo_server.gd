# Godot 3.2 WebSocketServer in raw mode: echoes every packet with its frame type and reports
# every signal. A text packet "!close CODE REASON" makes the server close that client.
# Args: --port, --protocols (comma separated), --lifetime (seconds).
extends SceneTree

var A = preload("res://args.gd").new()
var server = WebSocketServer.new()
var elapsed = 0.0
var lifetime = 20.0

func _init():
	lifetime = float(A.arg("lifetime", "20"))
	server.connect("client_connected", self, "_connected")
	server.connect("client_disconnected", self, "_disconnected")
	server.connect("client_close_request", self, "_close_request")
	server.connect("data_received", self, "_on_data")
	var protocols = PoolStringArray(A.arg("protocols", "").split(",", false))
	var port = int(A.arg("port", "0"))
	var err = server.listen(port, protocols)
	A.emit("listening", {"port": port, "err": err})

func _connected(id, protocol):
	A.emit("client_connected", {"id": id, "protocol": protocol})

func _close_request(id, code, reason):
	A.emit("client_close_request", {"id": id, "code": code, "reason": reason})

func _disconnected(id, was_clean):
	A.emit("client_disconnected", {"id": id, "was_clean": was_clean})

func _on_data(id):
	var peer = server.get_peer(id)
	var pkt = peer.get_packet()
	var was_string = peer.was_string_packet()
	var text = pkt.get_string_from_utf8()
	A.emit("data", {"id": id, "was_string": was_string, "size": pkt.size(), "text": text, "hex": pkt.hex_encode()})
	if was_string and text.begins_with("!close "):
		var parts = text.split(" ", true, 2)
		server.disconnect_peer(id, int(parts[1]), parts[2] if parts.size() > 2 else "")
		return
	peer.set_write_mode(WebSocketPeer.WRITE_MODE_TEXT if was_string else WebSocketPeer.WRITE_MODE_BINARY)
	peer.put_packet(pkt)

func _idle(delta):
	server.poll()
	elapsed += delta
	if elapsed > lifetime:
		server.stop()
		A.emit("quit")
		quit()
	return false
