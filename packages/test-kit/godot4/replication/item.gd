# An item: spawned by whoever owns Main/ItemSpawner (a client, in the tests), which is also its authority.
extends Node2D

var kind := ""

func _enter_tree() -> void:
	set_multiplayer_authority(get_node("/root/Main/ItemSpawner").get_multiplayer_authority())
