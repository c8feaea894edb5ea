# Reads `--name=value` command line arguments and prints one JSON line per event.
extends Reference

var values = {}

func _init():
	for a in OS.get_cmdline_args():
		if a.begins_with("--") and a.find("=") > 0:
			var kv = a.substr(2).split("=", true, 1)
			values[kv[0]] = kv[1]

func arg(name, default = ""):
	return values[name] if values.has(name) else default

func emit(event, fields = {}):
	fields["event"] = event
	print(JSON.print(fields))
