# Boots and reports what the engine sees: its version and arguments ("ready"), then "hello" with
# every file of the pack (res://, hidden ones included), the md5 of each as Godot reads it, and a
# value from an instanced sub-scene with its own script; then quits.
# Args: anything (echoed in "ready"); exit=N quits with code N; stay=1 keeps running (until lifetime).
extends "res://shared/probe.gd"

func _start() -> void:
	var files: Array[String] = []
	_list("res://", files)
	files.sort()
	var md5 := {}
	for f in files:
		md5[f] = FileAccess.get_md5(f)
	var child: Node = load("res://child.tscn").instantiate()
	add_child(child)
	emit("hello", {"files": files, "md5": md5, "child": child.name, "greeting": child.get("greeting")})
	if not has_arg("stay"):
		finish(int(arg("exit", "0")))

func _list(dir_path: String, out: Array[String]) -> void:
	var dir := DirAccess.open(dir_path)
	if dir == null:
		emit("list_failed", {"path": dir_path, "err": DirAccess.get_open_error()})
		return
	dir.include_hidden = true
	for name in dir.get_files():
		out.append(dir_path.path_join(name))
	for name in dir.get_directories():
		_list(dir_path.path_join(name), out)
