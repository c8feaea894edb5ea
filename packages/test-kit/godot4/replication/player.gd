# A player: replicated by its Sync child (position ALWAYS, hp and label ON_CHANGE, all spawn
# properties). A player named "P<id>" belongs to peer <id> (its authority, set before the
# synchronizer starts, on every side); any other name belongs to the server.
extends Node2D

var hp := 100
var label := ""

func _enter_tree() -> void:
	if name.begins_with("P") and name.substr(1).is_valid_int():
		set_multiplayer_authority(int(name.substr(1)))
