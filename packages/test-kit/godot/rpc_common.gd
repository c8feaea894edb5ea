# Shared part of rpc_server.gd and rpc_client.gd: builds /root/<name> nodes running rpc_probe.gd
# and prints the SceneTree's multiplayer signals as JSON lines ("peer_connected" {id},
# "peer_disconnected" {id}, "connected" {id}, "connection_failed", "server_disconnected").
extends Reference

var A = preload("res://args.gd").new()
var tree
var ended = false

func setup(p_tree):
	tree = p_tree
	tree.connect("network_peer_connected", self, "_peer_connected")
	tree.connect("network_peer_disconnected", self, "_peer_disconnected")
	tree.connect("connected_to_server", self, "_connected")
	tree.connect("connection_failed", self, "_ended", ["connection_failed"])
	tree.connect("server_disconnected", self, "_ended", ["server_disconnected"])

func add_probe(name):
	var node = Node.new()
	node.name = name
	node.set_script(load("res://rpc_probe.gd"))
	tree.get_root().add_child(node)
	return node

func _peer_connected(id):
	A.emit("peer_connected", {"id": id})

func _peer_disconnected(id):
	A.emit("peer_disconnected", {"id": id})

func _connected():
	A.emit("connected", {"id": tree.get_network_unique_id()})

func _ended(what):
	ended = true
	A.emit(what)
