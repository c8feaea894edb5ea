# A Godot 4 game client that replicates with Godot's stock nodes only: Main/Spawner (spawn path
# ../Players, res://player.tscn), Main/ItemSpawner (../Items, res://item.tscn), the static
# Main/CounterSync (Main/Counter's value). It prints what the replication does to its scene:
# connected_to_server {id}, spawned {spawner, name, x, y, hp|kind, label, authority}, despawned {name},
# state {name, x, y, hp, label} whenever a player or item changed, counter {value}.
# The test drives it with its `command` RPC (words separated by spaces):
#   move <x> <y> | hp <n> | label <text>     change our own player (the one named P<our id>)
#   own_items                                become the authority of Main/ItemSpawner
#   spawn_item <name> <x> <y> <kind>         add an item (we must own the item spawner)
#   move_item <name> <x> <y> | kind_item <name> <kind> | despawn_item <name>
#   list                                     list {players, items}
#   leave                                    close the peer, quit
# Args: url, lifetime.
extends "res://shared/probe.gd"

var peer := WebSocketMultiplayerPeer.new()
var mp: SceneMultiplayer
var reported := {}
var counter_value := 0

@onready var players: Node2D = $Players
@onready var items: Node2D = $Items

func _start() -> void:
	mp = multiplayer as SceneMultiplayer
	mp.connected_to_server.connect(func(): emit("connected_to_server", {"id": mp.get_unique_id()}))
	mp.connection_failed.connect(func(): emit("connection_failed"); finish(1))
	mp.server_disconnected.connect(func(): emit("server_disconnected"); finish(0))
	mp.peer_connected.connect(func(id: int): emit("peer_connected", {"id": id}))
	mp.peer_disconnected.connect(func(id: int): emit("peer_disconnected", {"id": id}))
	$Spawner.spawned.connect(func(node: Node): _on_spawned("players", node))
	$Spawner.despawned.connect(func(node: Node): emit("despawned", {"name": String(node.name)}))
	$ItemSpawner.spawned.connect(func(node: Node): _on_spawned("items", node))
	$ItemSpawner.despawned.connect(func(node: Node): emit("despawned", {"name": String(node.name)}))
	var err := peer.create_client(arg("url"))
	emit("create_client", {"err": err})
	if err != OK:
		finish(1)
		return
	mp.multiplayer_peer = peer

func _on_spawned(spawner: String, node: Node) -> void:
	var fields := _state(node)
	fields["spawner"] = spawner
	fields["authority"] = node.get_multiplayer_authority()
	reported[node.name] = _state(node)
	emit("spawned", fields)

func _state(node: Node) -> Dictionary:
	var s := {"name": String(node.name), "x": node.position.x, "y": node.position.y}
	if "hp" in node:
		s["hp"] = node.hp
		s["label"] = node.label
	if "kind" in node:
		s["kind"] = node.kind
	return s

func _tick(_delta: float) -> void:
	for node in players.get_children() + items.get_children():
		var s := _state(node)
		if reported.get(node.name) != s:
			reported[node.name] = s
			emit("state", s)
	if $Counter.value != counter_value:
		counter_value = $Counter.value
		emit("counter", {"value": counter_value})

func _own_player() -> Node2D:
	return players.get_node_or_null("P%d" % mp.get_unique_id())

@rpc("any_peer")
func command(text: String) -> void:
	var w := text.split(" ", false)
	emit("command", {"from": multiplayer.get_remote_sender_id(), "text": text})
	match w[0]:
		"move":
			_own_player().position = Vector2(float(w[1]), float(w[2]))
		"hp":
			_own_player().hp = int(w[1])
		"label":
			_own_player().label = w[1]
		"own_items":
			$ItemSpawner.set_multiplayer_authority(mp.get_unique_id())
		"spawn_item":
			var item: Node2D = load("res://item.tscn").instantiate()
			item.name = w[1]
			item.position = Vector2(float(w[2]), float(w[3]))
			item.kind = w[4]
			items.add_child(item, true)
		"move_item":
			items.get_node(w[1]).position = Vector2(float(w[2]), float(w[3]))
		"kind_item":
			items.get_node(w[1]).kind = w[2]
		"despawn_item":
			items.get_node(w[1]).queue_free()
		"list":
			emit("list", {"players": players.get_children().map(func(n): return String(n.name)), "items": items.get_children().map(func(n): return String(n.name))})
		"leave":
			peer.close()
			emit("left")
			finish(0)
