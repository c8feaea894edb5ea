# WebSocketPeer client: connects to `url`, sends `text` as a text message and `hex` as a binary one,
# prints each message that comes back ("received": string=true with text, or string=false with hex),
# closes with 1000 "done" once `expect` messages came back, prints "closed" (code, reason) and quits.
# Args: url, text (default "hello from godot 4"), hex (default "00ff7f80"), expect (default 2),
#       protocols (comma separated), lifetime.
extends "res://shared/probe.gd"

var ws := WebSocketPeer.new()
var opened := false
var closing := false
var received := 0

func _start() -> void:
	ws.supported_protocols = PackedStringArray(arg("protocols").split(",", false))
	var err := ws.connect_to_url(arg("url"))
	emit("connect_result", {"err": err})
	if err != OK:
		finish(1)

func _tick(_delta: float) -> void:
	ws.poll()
	var state := ws.get_ready_state()
	if state == WebSocketPeer.STATE_OPEN and not opened:
		opened = true
		emit("open", {"protocol": ws.get_selected_protocol()})
		emit("sent", {"kind": "text", "err": ws.send_text(arg("text", "hello from godot 4"))})
		emit("sent", {"kind": "binary", "err": ws.send(arg("hex", "00ff7f80").hex_decode())})
	while ws.get_available_packet_count() > 0:
		var packet := ws.get_packet()
		received += 1
		if ws.was_string_packet():
			emit("received", {"string": true, "text": packet.get_string_from_utf8()})
		else:
			emit("received", {"string": false, "hex": packet.hex_encode()})
	if opened and not closing and received >= int(num("expect", 2)):
		closing = true
		ws.close(1000, "done")
	if state == WebSocketPeer.STATE_CLOSED:
		emit("closed", {"code": ws.get_close_code(), "reason": ws.get_close_reason(), "was_open": opened})
		finish(0 if opened else 1)
