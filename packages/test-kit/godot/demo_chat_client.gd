# A headless Godot 3.2 client of the websocket_chat demo (client/client.gd + utils.gd), used by the
# demo page's e2e tests to sit in the same chat room as the browsers.
# Raw mode (/chat): requests the demo's protocols, says --say as "<nick>: <say>" in --write_mode
# (text: UTF-8 text frame; binary: var2bytes(String)). Multiplayer mode (--multiplayer=1, /chat/mp):
# connect_to_url(url, protocols, true), always binary, sent to --dest (broadcast | last |
# all_but_last, as the demo's destination option). A received message that mentions "@<nick>" is
# answered with "<nick>: heard <message>" (to its sender only, in multiplayer mode). Quits when the connection ends or after --lifetime s.
# Args: --url, --nick, --say, --write_mode, --multiplayer, --dest, --say_delay, --lifetime.
# Events: "connect_result" {err}, "connected" {protocol, id}, "peer_connected" {id},
#   "peer_disconnected" {id}, "received" {from, binary, text}, "sent" {text, to, err},
#   "close_request" {code, reason}, "closed", "timeout", "quit".
extends SceneTree

const PROTOCOLS = ["my-protocol2", "my-protocol", "binary"]

var A = preload("res://args.gd").new()
var client = WebSocketClient.new()
var nick = "godot"
var multiplayer_mode = false
var write_mode = WebSocketPeer.WRITE_MODE_TEXT
var last_connected_client = 0
var elapsed = 0.0
var lifetime = 20.0
var say_at = -1.0
var finished = false

func _init():
	Engine.target_fps = 60
	lifetime = float(A.arg("lifetime", "20"))
	nick = A.arg("nick", "godot")
	multiplayer_mode = A.arg("multiplayer", "0") == "1"
	if multiplayer_mode or A.arg("write_mode", "text") == "binary":
		write_mode = WebSocketPeer.WRITE_MODE_BINARY
	client.connect("connection_established", self, "_connected")
	client.connect("connection_error", self, "_closed")
	client.connect("connection_closed", self, "_closed")
	client.connect("server_close_request", self, "_close_request")
	client.connect("data_received", self, "_received")
	client.connect("peer_packet", self, "_received")
	client.connect("peer_connected", self, "_peer_connected")
	client.connect("peer_disconnected", self, "_peer_disconnected")
	client.connect("connection_succeeded", self, "_connected", ["multiplayer_protocol"])
	client.connect("connection_failed", self, "_closed")
	client.connect("server_disconnected", self, "_closed")
	var err = client.connect_to_url(A.arg("url"), PoolStringArray(PROTOCOLS), multiplayer_mode)
	A.emit("connect_result", {"err": err})

# utils.gd: encode_data / decode_data.
func encode_data(data, mode):
	return data.to_utf8() if mode == WebSocketPeer.WRITE_MODE_TEXT else var2bytes(data)

func decode_data(data, is_string):
	return data.get_string_from_utf8() if is_string else bytes2var(data)

func _connected(protocol = ""):
	client.get_peer(1).set_write_mode(write_mode)
	A.emit("connected", {"protocol": protocol, "id": client.get_unique_id()})
	if A.arg("say", "") != "":
		say_at = elapsed + float(A.arg("say_delay", "0.2"))

func _peer_connected(id):
	last_connected_client = id
	A.emit("peer_connected", {"id": id})

func _peer_disconnected(id):
	A.emit("peer_disconnected", {"id": id})

func _close_request(code, reason):
	A.emit("close_request", {"code": code, "reason": reason})

func _received(_p_id = 1):
	var from = 1
	var text
	if multiplayer_mode:
		from = client.get_packet_peer()
		text = decode_data(client.get_packet(), false)
	else:
		var peer = client.get_peer(1)
		var packet = peer.get_packet()
		text = decode_data(packet, peer.was_string_packet())
	var binary = multiplayer_mode or not client.get_peer(1).was_string_packet()
	A.emit("received", {"from": from, "binary": binary, "text": str(text)})
	if typeof(text) == TYPE_STRING and text.find("@" + nick) != -1:
		var body = text
		var says = text.find("] Says: ")
		if not multiplayer_mode and text.begins_with("[") and says != -1:
			body = text.substr(says + 8)
		if not body.begins_with(nick + ":"):
			send("%s: heard %s" % [nick, body], from if multiplayer_mode else 0)

func send(text, to):
	var err
	if multiplayer_mode:
		client.set_target_peer(to)
		err = client.put_packet(encode_data(text, write_mode))
	else:
		err = client.get_peer(1).put_packet(encode_data(text, write_mode))
	A.emit("sent", {"text": text, "to": to, "err": err})

func destination():
	match A.arg("dest", "broadcast"):
		"last":
			return last_connected_client
		"all_but_last":
			return -last_connected_client
	return 0

func _closed(_was_clean = false):
	A.emit("closed")
	_finish()

func _finish():
	if finished:
		return
	finished = true
	A.emit("quit")
	quit()

func _idle(delta):
	if client.get_connection_status() != WebSocketClient.CONNECTION_DISCONNECTED:
		client.poll()
	elapsed += delta
	if say_at >= 0 and elapsed >= say_at:
		say_at = -1.0
		send("%s: %s" % [nick, A.arg("say")], destination())
	if elapsed > lifetime and not finished:
		A.emit("timeout")
		client.disconnect_from_host(1001, "Bye bye!")
		_finish()
	return false
