# The node of the RPC interop tests, at /root/Probe on every peer (and at /root/Player on the
# server): every RPC or rset that runs here prints one JSON line (args.gd). Values are checked
# against rpc_values.gd (same order as the TypeScript tests).
#
# Events: "received" {node, fn, sender, ok, mismatches, count} for everything / remote_all /
# puppet_all / remotesync_all; "rset" {node, name, sender, ok, mismatches, value};
# "relay_ping" {sender, text}; "relay_pong" {sender, text, id}; "forbidden_ran" {node, sender, x};
# "request" {sender, kind}; "checked" / "done" (when a Godot peer gets those); "round2_sent".
#
# On the server (the tree's network peer is a WebSocketServer), master func request(kind) answers
# the caller only, so each caller sees the same thing whatever else is connected:
#   "values": rpc_id remote_all(values), rpc_id puppet_all(values), rpc remotesync_all(values)
#             (to everyone, and here), rset_id puppet_value = values (one Array), rset
#             puppet_score = 77 (to everyone), then rpc_id done("values").
#   "player": makes the caller the network master of /root/Player (so its master funcs are
#             refused here), then rpc_id done("player").
#   anything else: just rpc_id done(kind).
# master func everything(values) checks them and answers checked("everything", sender, mismatches).
# On a client, relay_ping(text) answers the caller with relay_pong(text, own id); with --round2=1,
# once remote_all, puppet_all, remotesync_all and the puppet_value rset arrived, the client calls
# everything(values) on the server a second time (the path is confirmed by then: cache id form).
extends Node

var A = preload("res://args.gd").new()
var V = preload("res://rpc_values.gd").new()
var seen = {}
var round2_sent = false

puppet var puppet_value setget _set_puppet_value
puppet var puppet_score = 0 setget _set_puppet_score

func _sender():
	return get_tree().get_rpc_sender_id()

func _got(fn, args):
	var mismatches = V.check(args)
	seen[fn] = true
	A.emit("received", {"node": name, "fn": fn, "sender": _sender(), "ok": mismatches.empty(), "mismatches": mismatches, "count": args.size()})
	_maybe_round2()
	return mismatches

master func everything(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40):
	var sender = _sender()
	var mismatches = _got("everything", [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40])
	if get_tree().is_network_server():
		rpc_id(sender, "checked", "everything", sender, mismatches)

remote func remote_all(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40):
	_got("remote_all", [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40])

puppet func puppet_all(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40):
	_got("puppet_all", [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40])

remotesync func remotesync_all(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40):
	_got("remotesync_all", [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40])

puppet func forbidden(x):
	A.emit("forbidden_ran", {"node": name, "sender": _sender(), "x": x})

master func request(kind):
	var sender = _sender()
	A.emit("request", {"sender": sender, "kind": kind})
	if kind == "values":
		var vals = V.values()
		callv("rpc_id", [sender, "remote_all"] + vals)
		callv("rpc_id", [sender, "puppet_all"] + vals)
		callv("rpc", ["remotesync_all"] + vals)
		rset_id(sender, "puppet_value", vals)
		rset("puppet_score", 77)
	elif kind == "player":
		get_node("/root/Player").set_network_master(sender)
	rpc_id(sender, "done", kind)

remote func done(kind):
	A.emit("done", {"sender": _sender(), "kind": kind})

remote func checked(fn, sender, mismatches):
	A.emit("checked", {"sender": _sender(), "fn": fn, "seen_sender": sender, "mismatches": mismatches})

remote func relay_ping(text):
	var sender = _sender()
	A.emit("relay_ping", {"sender": sender, "text": text})
	rpc_id(sender, "relay_pong", text, get_tree().get_network_unique_id())

remote func relay_pong(text, id):
	A.emit("relay_pong", {"sender": _sender(), "text": text, "id": id})

func _set_puppet_value(value):
	puppet_value = value
	var mismatches = V.check(value) if typeof(value) == TYPE_ARRAY else ["not an Array: " + var2str(value)]
	seen["puppet_value"] = true
	A.emit("rset", {"node": name, "name": "puppet_value", "sender": _sender(), "ok": mismatches.empty(), "mismatches": mismatches})
	_maybe_round2()

func _set_puppet_score(value):
	puppet_score = value
	A.emit("rset", {"node": name, "name": "puppet_score", "sender": _sender(), "value": var2str(value), "type": typeof(value)})

func _maybe_round2():
	if round2_sent or A.arg("round2", "0") != "1" or get_tree().is_network_server():
		return
	for fn in ["remote_all", "puppet_all", "remotesync_all", "puppet_value"]:
		if not seen.has(fn):
			return
	round2_sent = true
	callv("rpc_id", [1, "everything"] + V.values())
	A.emit("round2_sent")
