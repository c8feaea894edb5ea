/**
 * A wspeer client for a Chromium page (bundled by the test kit's `startBrowserPage`): the same `Main`
 * node and commands as the Godot 4 `scene_client` probe, with the same event lines, so a test drives
 * a browser client and a Godot client alike. Args (`?url=...`): url.
 */
export const SCENE_BROWSER_CLIENT = `
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer } from 'wspeer/scene';

const args = new URLSearchParams(location.search);
const emit = (event, fields = {}) => console.log(JSON.stringify({ ...fields, event }));
const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
const mp = new SceneMultiplayer(null, { autoPoll: true });
const record = (method) => (text) => emit(method, { from: mp.getRemoteSenderId(), text });
const main = mp.node('Main', {
  methods: {
    hello: { mode: 'any_peer', handler: record('hello') },
    ping: {
      mode: 'any_peer',
      handler: (text) => {
        record('ping')(text);
        main.rpcId(mp.getRemoteSenderId(), 'pong', text);
      },
    },
    pong: { mode: 'any_peer', handler: record('pong') },
    only_server: { handler: record('only_server') },
    shout: { mode: 'any_peer', callLocal: true, handler: record('shout') },
    blob: { mode: 'any_peer', handler: () => {} },
    check_value: { mode: 'any_peer', handler: () => {} },
    send_value: { mode: 'any_peer', handler: () => {} },
    value_back: { mode: 'any_peer', handler: () => {} },
    command: {
      mode: 'any_peer',
      handler: (text) => {
        const w = text.split(' ');
        emit('command', { from: mp.getRemoteSenderId(), text });
        if (w[0] === 'call') emit('called', { to: Number(w[1]), method: w[2], err: main.rpcId(Number(w[1]), w[2], w[3] ?? '') });
      },
    },
  },
});
mp.on('connected_to_server', () => emit('connected_to_server', { id: mp.getUniqueId() }));
mp.on('peer_connected', (id) => emit('peer_connected', { id }));
mp.on('peer_disconnected', (id) => emit('peer_disconnected', { id }));
mp.on('rpc_refused', (from, reason) => emit('refused', { from, reason }));
emit('ready', { adapter: 'browser' });
emit('create_client', { err: peer.createClient(args.get('url')) });
mp.multiplayerPeer = peer;
`;
