/** `wspeer --help`. */
export const USAGE = `wspeer: Godot's WebSocket networking from the command line

  wspeer serve [echo|mirror|godot3] [--port 8080] [--host 127.0.0.1] [--protocol NAME]...
      echo     every message goes back to its sender (the default)
      mirror   every message goes to every client (protocol lws-mirror-protocol unless --protocol)
      godot3   a Godot 3 multiplayer room: ids, peer announcements, relay; prints peers, RPCs and
               rsets sent to the server, decoded (Godot 4 rooms come with the scene layer)
  wspeer connect URL [--protocol NAME]... [--header "Name: value"]... [--binary]
      talk to a WebSocket server: each line you type is sent (as a text frame, or a binary one
      with --binary); what arrives is printed ("< ..."); Ctrl-D (end of input) closes cleanly
  wspeer connect --godot3 URL [--protocol NAME]...
      join a Godot 3 multiplayer room and print its peers, RPCs, rsets and path announcements,
      decoded with the Variant codec; Ctrl-D or Ctrl-C leaves

  --host 0.0.0.0 serves every network interface (reach it from a phone on the same network).
  --debug prints connection events and frames (as WSPEER_DEBUG=1 does).
  Status lines go to stderr, messages to stdout. Exit code 0 after a clean close, 1 on errors,
  2 for bad arguments.
`;
