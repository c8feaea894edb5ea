# Godot 3.2 RPC server: a WebSocketServer (gd_mp_api) as the SceneTree's network_peer, with
# /root/Probe and /root/Player running rpc_probe.gd (server behaviour described there).
# Prints "listening" {port, err}, the events of rpc_common.gd and rpc_probe.gd, then "quit"
# after --lifetime seconds. Args: --port, --lifetime.
extends SceneTree

var A = preload("res://args.gd").new()
var C = preload("res://rpc_common.gd").new()
var server = WebSocketServer.new()
var elapsed = 0.0
var lifetime = 20.0

func _initialize():
	lifetime = float(A.arg("lifetime", "20"))
	C.setup(self)
	C.add_probe("Probe")
	C.add_probe("Player")
	var port = int(A.arg("port", "0"))
	var err = server.listen(port, PoolStringArray(), true)
	set_network_peer(server)
	A.emit("listening", {"port": port, "err": err, "id": get_network_unique_id()})

func _idle(delta):
	elapsed += delta
	if elapsed > lifetime:
		server.stop()
		A.emit("quit")
		quit()
	return false
