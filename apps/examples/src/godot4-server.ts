// A Node server for an unmodified Godot 4 game: its own @rpc functions, on /root/Main.
// Run: node apps/examples/dist/godot4-server.js [port]   (default 9080)
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer } from 'wspeer/scene';

const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' }); // Godot 4's WebSocketMultiplayerPeer
peer.createServer(Number(process.argv[2] ?? 9080));
const multiplayer = new SceneMultiplayer(peer, { autoPoll: true }); // Godot 4's SceneMultiplayer

// The same @rpc names as the game's script (Godot numbers them by name and checks the list).
const main = multiplayer.node('/root/Main', {
  methods: {
    hello: {
      mode: 'any_peer', // @rpc("any_peer")
      handler: (name: string) => {
        const id = multiplayer.getRemoteSenderId();
        console.log(`${name} is peer ${id}`);
        main.rpcId(id, 'welcome', `Welcome, ${name}!`);
      },
    },
    welcome: { handler: (_text: string) => {} }, // @rpc: only the server (the authority) calls it
  },
});

multiplayer.on('peer_connected', (id) => console.log(`peer ${id} connected`));
multiplayer.on('peer_disconnected', (id) => console.log(`peer ${id} disconnected`));
peer.listening().then((port) => console.log(`listening on ws://localhost:${port}`));
