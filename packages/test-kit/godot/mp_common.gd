# Shared part of mp_server.gd and mp_client.gd: drives one Godot 3.2 WebSocket multiplayer peer
# (gd_mp_api = true) and prints one JSON line per event.
#
# Modes (--mode):
#   direct: the script polls the peer itself and reads get_packet_peer() + get_packet();
#           "packet" events carry the peer-level bytes; sends use set_target_peer + put_packet.
#   tree:   the peer becomes get_tree().network_peer; packets arrive through
#           multiplayer's network_peer_packet, so "packet" events carry the bytes after the RAW
#           command byte 04; sends use get_tree().multiplayer.send_bytes(bytes, id) (which adds 04).
#
# Events: "peer_connected" {id}, "peer_disconnected" {id}, "connection_succeeded" {id},
# "connection_failed", "server_disconnected", "packet" {from, hex, text}, "sent" {via, to, hex, err},
# "leaving", "quit".
#
# Commands: a packet whose text (after an optional leading 04 byte) starts with "!" is a command:
#   !send <put|bytes> <target> <hex>   put: set_target_peer(target) + put_packet(hex bytes)
#                                       bytes: multiplayer.send_bytes(hex bytes, target) (tree mode)
#   !leave                              client: disconnect_from_host(1000, "bye"); server: stop()
#   !kick <id>                          server: disconnect_peer(id, 4000, "kicked")
# Other packets are echoed to their sender when --echo=1 (same bytes on the wire).
# Clients with --greet=1 send 04 + "hello <id> from <own id>" to every other client that joins.
extends Reference

var A
var tree
var peer
var mode = "direct"
var echo = false
var greet = false
var is_server = false
var left = false

func setup(p_tree, p_peer, p_args, p_is_server):
	tree = p_tree
	peer = p_peer
	A = p_args
	is_server = p_is_server
	mode = A.arg("mode", "direct")
	echo = A.arg("echo", "0") == "1"
	greet = A.arg("greet", "0") == "1"
	peer.connect("peer_connected", self, "_peer_connected")
	peer.connect("peer_disconnected", self, "_peer_disconnected")
	if not is_server:
		peer.connect("connection_succeeded", self, "_connection_succeeded")
		peer.connect("connection_failed", self, "_connection_failed")
		peer.connect("server_disconnected", self, "_server_disconnected")

# Call once the peer is listening / connecting.
func attach():
	if mode == "tree":
		tree.network_peer = peer
		tree.multiplayer.connect("network_peer_packet", self, "_tree_packet")

func my_id():
	return peer.get_unique_id()

func _peer_connected(id):
	A.emit("peer_connected", {"id": id})
	if greet and not is_server and id != 1:
		var text = "hello %d from %d" % [id, my_id()]
		send("bytes" if mode == "tree" else "put", id, _raw(text.to_utf8()))

func _peer_disconnected(id):
	A.emit("peer_disconnected", {"id": id})

func _connection_succeeded():
	A.emit("connection_succeeded", {"id": my_id()})

func _connection_failed():
	A.emit("connection_failed")

func _server_disconnected():
	A.emit("server_disconnected")

# Wraps bytes as a RAW MultiplayerAPI packet (04 + bytes), the form send_bytes puts on the wire.
func _raw(bytes):
	var out = PoolByteArray([4])
	out.append_array(bytes)
	return out

# Sends `bytes` (the peer-level packet, including the leading 04 in tree mode) to `to`.
func send(via, to, bytes):
	var err
	if via == "bytes":
		# send_bytes adds the 04 itself.
		err = tree.multiplayer.send_bytes(bytes.subarray(1, bytes.size() - 1) if bytes.size() > 1 and bytes[0] == 4 else bytes, to)
	else:
		peer.set_target_peer(to)
		err = peer.put_packet(bytes)
	A.emit("sent", {"via": via, "to": to, "hex": bytes.hex_encode(), "err": err})

func poll():
	if mode == "direct":
		peer.poll()
		while peer.get_available_packet_count() > 0:
			var from = peer.get_packet_peer()
			var pkt = peer.get_packet()
			_packet(from, pkt, pkt)

func _tree_packet(from, pkt):
	_packet(from, pkt, _raw(pkt))

# `pkt`: what the API delivered; `wire`: the same packet with its 04 (what an echo must send).
# `text` is only decoded for commands (first byte "!" after an optional 04), to keep binary quiet.
func _packet(from, pkt, wire):
	var body = pkt
	if mode == "direct" and pkt.size() > 0 and pkt[0] == 4:
		body = pkt.subarray(1, pkt.size() - 1) if pkt.size() > 1 else PoolByteArray()
	var text = body.get_string_from_utf8() if body.size() > 0 and body[0] == 33 else ""
	A.emit("packet", {"from": from, "hex": pkt.hex_encode(), "text": text})
	if text.begins_with("!"):
		_command(text)
	elif echo:
		send("bytes" if mode == "tree" else "put", from, wire)

func _command(text):
	var parts = text.split(" ", false)
	if parts[0] == "!send" and parts.size() >= 4:
		send(parts[1], int(parts[2]), _unhex(parts[3]))
	elif parts[0] == "!leave":
		leave()
	elif parts[0] == "!kick" and parts.size() >= 2 and is_server:
		peer.disconnect_peer(int(parts[1]), 4000, "kicked")
		A.emit("kicked", {"id": int(parts[1])})

func leave():
	if left:
		return
	left = true
	A.emit("leaving", {"id": my_id()})
	if is_server:
		peer.stop()
	else:
		peer.disconnect_from_host(1000, "bye")

func _unhex(h):
	var out = PoolByteArray()
	for i in range(0, h.length(), 2):
		out.append(("0x" + h.substr(i, 2)).hex_to_int())
	return out
