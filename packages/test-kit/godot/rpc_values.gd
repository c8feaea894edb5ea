# The values the RPC interop tests send both ways: one or more of every Variant type Godot 3.2 can
# put in an RPC (objects aside), in a fixed order that the TypeScript tests repeat, and a strict
# comparison of what arrived against them: the same typeof at every level and exactly the same
# value (floats included: a REAL travels as float32 or float64 as needed, vector, rect, quat, color
# and pool components are float32 in Godot 3 and on the wire).
extends Reference

const COUNT = 41

func values():
	return [
		null,
		true,
		false,
		42,
		-7,
		2147483647,
		-2147483648,
		1099511627776,
		9007199254740993,
		-9223372036854775807,
		0.5,
		0.1,
		3.0,
		-123456.789,
		"héllo wörld ✓ 日本 🎮",
		"",
		Vector2(0.1, -2.25),
		Rect2(1, 2, 3.5, 0.1),
		Vector3(1, -2.5, 0.1),
		Transform2D(Vector2(1, 2), Vector2(3, 4), Vector2(5.5, -6.5)),
		Plane(0, 1, 0, 2.5),
		Quat(0.1, 0.2, 0.3, 0.9),
		AABB(Vector3(1, 2, 3), Vector3(4, 5, 6)),
		Basis(Vector3(1, 2, 3), Vector3(4, 5, 6), Vector3(7, 8, 9)),
		Transform(Basis(Vector3(1, 0, 0), Vector3(0, 0.5, 0), Vector3(0, 0, 2)), Vector3(10, -11, 0.1)),
		Color(0.1, 0.2, 0.3, 0.4),
		NodePath("Probe/Child:position:x"),
		NodePath("/root/Probe"),
		RID(),
		{"k": "v", 7: PoolByteArray([1, 2, 3, 4, 5]), Vector2(1, 2): [1, "two", 3.0], "nested": {"a": null, "b": -0.5}},
		{},
		[1, "two", 3.0, [4, [5.5]], {"x": 0.1}, null, true, Vector3(1, 2, 3)],
		[],
		PoolByteArray([0, 1, 127, 128, 255]),
		PoolByteArray(),
		PoolIntArray([0, -1, 2147483647, -2147483648]),
		PoolRealArray([0.5, -1.25, 0.1]),
		PoolStringArray(["a", "héllo", "", "日本🎮"]),
		PoolVector2Array([Vector2(1, 2), Vector2(-0.5, 0.1)]),
		PoolVector3Array([Vector3(1, 2, 3), Vector3(0.1, 0.2, 0.3)]),
		PoolColorArray([Color(1, 0, 0, 1), Color(0.1, 0.2, 0.3, 0.4)]),
	]

# Every difference between `got` (an Array of received values) and values(), as text lines naming
# the index, both typeofs, both values (var2str) and both encodings (var2bytes hex).
func check(got):
	var out = []
	var want = values()
	if want.size() != COUNT:
		out.append("catalogue has %d values, COUNT is %d" % [want.size(), COUNT])
	if got.size() != want.size():
		out.append("got %d values, want %d" % [got.size(), want.size()])
		return out
	for i in range(want.size()):
		diff(got[i], want[i], "[%d]" % i, out)
	return out

func diff(got, want, path, out):
	if typeof(got) != typeof(want):
		_note(got, want, path, out, "type")
		return
	match typeof(want):
		TYPE_ARRAY, TYPE_RAW_ARRAY, TYPE_INT_ARRAY, TYPE_REAL_ARRAY, TYPE_STRING_ARRAY, TYPE_VECTOR2_ARRAY, TYPE_VECTOR3_ARRAY, TYPE_COLOR_ARRAY:
			if got.size() != want.size():
				_note(got, want, path, out, "size")
				return
			for i in range(want.size()):
				diff(got[i], want[i], "%s[%d]" % [path, i], out)
		TYPE_DICTIONARY:
			var gk = got.keys()
			var wk = want.keys()
			if gk.size() != wk.size():
				_note(got, want, path, out, "size")
				return
			for i in range(wk.size()):
				diff(gk[i], wk[i], "%s.keys()[%d]" % [path, i], out)
				diff(got[gk[i]], want[wk[i]], "%s[%s]" % [path, var2str(wk[i])], out)
		_:
			if got != want:
				_note(got, want, path, out, "value")

func _note(got, want, path, out, what):
	out.append("%s %s: got typeof %d %s (%s), want typeof %d %s (%s)" % [path, what, typeof(got), var2str(got), var2bytes(got).hex_encode(), typeof(want), var2str(want), var2bytes(want).hex_encode()])
