# Godot 3.2 RPC client: a WebSocketClient (gd_mp_api) as the SceneTree's network_peer, with
# /root/Probe running rpc_probe.gd (client behaviour described there). Once connected it prints
# "connected" {id} and, with --forbidden=1, calls the puppet func forbidden(5) on the server, then,
# with --everything=1, calls the master func everything(values) on the server. Quits ("quit") when
# the connection ends or after --lifetime seconds.
# Args: --url, --forbidden, --everything, --round2 (see rpc_probe.gd), --lifetime.
extends SceneTree

var A = preload("res://args.gd").new()
var V = preload("res://rpc_values.gd").new()
var C = preload("res://rpc_common.gd").new()
var client = WebSocketClient.new()
var probe
var elapsed = 0.0
var lifetime = 20.0

func _initialize():
	lifetime = float(A.arg("lifetime", "20"))
	C.setup(self)
	probe = C.add_probe("Probe")
	connect("connected_to_server", self, "_connected")
	var err = client.connect_to_url(A.arg("url"), PoolStringArray(), true)
	set_network_peer(client)
	A.emit("connect_result", {"err": err})

func _connected():
	if A.arg("forbidden", "0") == "1":
		probe.rpc_id(1, "forbidden", 5)
		A.emit("forbidden_sent")
	if A.arg("everything", "0") == "1":
		probe.callv("rpc_id", [1, "everything"] + V.values())
		A.emit("everything_sent")

func _idle(delta):
	elapsed += delta
	if C.ended or elapsed > lifetime:
		if not C.ended:
			A.emit("timeout")
		A.emit("quit")
		quit()
	return false
