# Builds a value from a GDScript expression (Godot's Expression class) and compares values strictly:
# the same Variant type at every level, typed containers of the same element type, floats equal.


static func build(gd: String) -> Variant:
	var e := Expression.new()
	if e.parse(gd) != OK:
		return "<parse error: %s>" % e.get_error_text()
	var v = e.execute()
	if e.has_execute_failed():
		return "<execute error: %s>" % e.get_error_text()
	return v

static func same(a: Variant, b: Variant) -> bool:
	if typeof(a) != typeof(b):
		return false
	match typeof(a):
		TYPE_ARRAY:
			if not a.is_same_typed(b) or a.size() != b.size():
				return false
			for i in a.size():
				if not same(a[i], b[i]):
					return false
			return true
		TYPE_DICTIONARY:
			if not a.is_same_typed(b) or a.size() != b.size():
				return false
			var ka: Array = a.keys()
			var kb: Array = b.keys()
			for i in ka.size():
				if not same(ka[i], kb[i]) or not same(a[ka[i]], b[kb[i]]):
					return false
			return true
		TYPE_FLOAT:
			return a == b or (is_nan(a) and is_nan(b))
		_:
			return a == b
