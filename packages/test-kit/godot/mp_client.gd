# Godot 3.2 WebSocketClient in multiplayer mode: connect_to_url(url, protocols, true).
# Prints the events of mp_common.gd; leaves after --leave_after seconds (if > 0) once connected,
# quits when the connection ends or after --lifetime seconds.
# Args: --url, --protocols (comma separated), --mode (direct|tree), --echo, --greet,
#       --leave_after, --lifetime.
extends SceneTree

var A = preload("res://args.gd").new()
var C = preload("res://mp_common.gd").new()
var client = WebSocketClient.new()
var elapsed = 0.0
var lifetime = 20.0
var leave_after = 0.0
var connected_at = -1.0
var done = false

func _init():
	lifetime = float(A.arg("lifetime", "20"))
	leave_after = float(A.arg("leave_after", "0"))
	C.setup(self, client, A, false)
	client.connect("connection_succeeded", self, "_succeeded")
	client.connect("connection_failed", self, "_ended")
	client.connect("server_disconnected", self, "_ended")
	var protocols = PoolStringArray(A.arg("protocols", "").split(",", false))
	var err = client.connect_to_url(A.arg("url"), protocols, true)
	A.emit("connect_result", {"err": err})
	C.attach()

func _succeeded():
	connected_at = elapsed

func _ended():
	done = true

func _idle(delta):
	C.poll()
	elapsed += delta
	if leave_after > 0 and connected_at >= 0 and elapsed - connected_at > leave_after:
		C.leave()
	if done or elapsed > lifetime:
		if not done:
			A.emit("timeout")
		A.emit("quit")
		quit()
	return false
