# A dot of the arena, named after its player's peer id. The server owns ServerSync (position, color);
# the player owns InputSync (input: where it wants to go), which only the server needs to see.
extends Node2D

var color := Color.WHITE
var input := Vector2.ZERO

func _enter_tree() -> void:
	$InputSync.set_multiplayer_authority(name.to_int())

func _ready() -> void:
	if $InputSync.is_multiplayer_authority():
		$InputSync.public_visibility = false
		$InputSync.set_visibility_for(1, true)
