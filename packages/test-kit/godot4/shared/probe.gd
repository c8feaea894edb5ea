# Base of every probe's main.gd (packed into each project at res://shared/probe.gd).
# Reads the `key=value` user arguments (after `--`: OS.get_cmdline_user_args()), prints one JSON line
# per event (the test kit's runner reads them), and quits after `lifetime` seconds (default 20) at the
# latest. A probe extends this script, does its setup in _start() and its per-frame work in _tick().
# Every probe prints {"event":"ready",...} first and {"event":"quit","code":N} last.
extends Node

var args := {}
var lifetime := 20.0
var _elapsed := 0.0
var _done := false

func _ready() -> void:
	for a in OS.get_cmdline_user_args():
		var i := a.find("=")
		if i > 0:
			args[a.substr(0, i)] = a.substr(i + 1)
		else:
			args[a] = ""
	lifetime = num("lifetime", 20.0)
	emit("ready", {"version": Engine.get_version_info().string, "args": args})
	_start()

func _process(delta: float) -> void:
	if _done:
		return
	_elapsed += delta
	if _elapsed > lifetime:
		emit("timeout", {"after": lifetime})
		finish(1)
		return
	_tick(delta)

# Override: runs once, after "ready".
func _start() -> void:
	pass

# Override: runs every frame until finish().
func _tick(_delta: float) -> void:
	pass

func has_arg(name: String) -> bool:
	return args.has(name)

func arg(name: String, default: String = "") -> String:
	return args.get(name, default)

func num(name: String, default: float = 0.0) -> float:
	return float(args[name]) if args.has(name) else default

# Prints {"event": event, ...fields} on one line.
func emit(event: String, fields: Dictionary = {}) -> void:
	var line := fields.duplicate()
	line["event"] = event
	print(JSON.stringify(line))

# Prints {"event":"quit","code":code} and quits (the page reports the exit code).
func finish(code: int = 0) -> void:
	if _done:
		return
	_done = true
	emit("quit", {"code": code})
	get_tree().quit(code)
