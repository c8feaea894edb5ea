/** `wspeer --help`. */
export const USAGE = `wspeer: Godot's WebSocket networking from the command line

  wspeer serve [echo|mirror|godot3|godot4] [--port 8080] [--host 127.0.0.1] [--protocol NAME]...
      echo     every message goes back to its sender (the default)
      mirror   every message goes to every client (protocol lws-mirror-protocol unless --protocol)
      godot3   a Godot 3 multiplayer room: ids, peer announcements, relay; prints peers, RPCs and
               rsets sent to the server, decoded
      godot4   a Godot 4 room (SceneMultiplayer: ids, relay, peer announcements); prints peers and
               every packet clients send, decoded (method names with --names FILE)
  wspeer connect URL [--protocol NAME]... [--header "Name: value"]... [--binary]
      talk to a WebSocket server: each line you type is sent (as a text frame, or a binary one
      with --binary); what arrives is printed ("< ..."); Ctrl-D (end of input) closes cleanly
  wspeer connect --godot3 URL [--protocol NAME]...
      join a Godot 3 multiplayer room and print its peers, RPCs, rsets and path announcements,
      decoded with the Variant codec; Ctrl-D or Ctrl-C leaves
  wspeer connect --godot4 URL [--names FILE] [--auth TEXT] [--protocol NAME]...
      join a Godot 4 room (SceneMultiplayer) and print its peers, RPCs (node path, method, arguments),
      path announcements, raw bytes and relays. Godot 4 sends method ids, not names: FILE (JSON)
      maps node paths to their @rpc method names or to the node's .gd script, e.g.
      {"Main": "main.gd", "Main/Game": ["add_player", "set_turn"]}. --auth sends TEXT as
      authentication data, then completes.
  wspeer explain "[wspeer 53] RPC | roll | Main/Game | 2 | puppetsync | 6 | 1"
      the text of a message from a production build (which prints numbers, not texts), values
      filled in; a bare number prints its text with placeholders

  --host 0.0.0.0 serves every network interface (reach it from a phone on the same network).
  --debug prints connection events and frames (as WSPEER_DEBUG=1 does).
  Status lines go to stderr, messages to stdout. Exit code 0 after a clean close, 1 on errors,
  2 for bad arguments.
`;
