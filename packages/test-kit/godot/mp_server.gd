# Godot 3.2 WebSocketServer in multiplayer mode: listen(port, protocols, true).
# Prints "listening" {port, err}, then the events of mp_common.gd; quits after --lifetime seconds.
# Args: --port, --protocols (comma separated), --mode (direct|tree), --echo, --lifetime.
extends SceneTree

var A = preload("res://args.gd").new()
var C = preload("res://mp_common.gd").new()
var server = WebSocketServer.new()
var elapsed = 0.0
var lifetime = 20.0

func _init():
	lifetime = float(A.arg("lifetime", "20"))
	C.setup(self, server, A, true)
	var protocols = PoolStringArray(A.arg("protocols", "").split(",", false))
	var port = int(A.arg("port", "0"))
	var err = server.listen(port, protocols, true)
	C.attach()
	A.emit("listening", {"port": port, "err": err, "id": server.get_unique_id()})

func _idle(delta):
	C.poll()
	elapsed += delta
	if elapsed > lifetime:
		server.stop()
		A.emit("quit")
		quit()
	return false
