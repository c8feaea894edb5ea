import { State, WebSocketClient } from 'wspeer';
import { defaultUrl } from './default-url.ts';
import { byId } from './dom.ts';
import { LogView } from './log-view.ts';
import { CLOSED_STATUS, type Session, stateName } from './session.ts';

/** The minimal client's endpoints and the subprotocols it requests from each. */
const ENDPOINTS: Record<string, string[]> = {
  '/mirror': ['lws-mirror-protocol'],
  '/echo': [],
};

/** Godot prints booleans as True/False. */
const str = (value: boolean): string => (value ? 'True' : 'False');

/**
 * The Minimal tab: the client of Godot's "Using WebSockets" page, ported line by line. It
 * connects (to `/mirror` with `lws-mirror-protocol`, as the documentation does, or to `/echo`),
 * sends the message as a binary packet once connected, and prints what comes back. Polled once
 * per animation frame like the documentation's `_process`.
 */
export function startMinimalClient(doc: Document): Session {
  const endpoint = byId(doc, 'minimal-endpoint', HTMLSelectElement);
  const url = byId(doc, 'minimal-url', HTMLInputElement);
  const text = byId(doc, 'minimal-text', HTMLInputElement);
  const connectButton = byId(doc, 'minimal-connect', HTMLButtonElement);
  const sendButton = byId(doc, 'minimal-send', HTMLButtonElement);
  const log = new LogView(byId(doc, 'minimal-log', HTMLElement));
  const print = (line: string): void => log.add(line);
  const syncUrl = (): void => {
    url.value = defaultUrl(endpoint.value);
  };
  endpoint.addEventListener('change', syncUrl);
  syncUrl();

  // Our WebSocketClient instance, and the documentation's four signals.
  const client = new WebSocketClient();
  client.on('connection_closed', (wasClean) => print(`Closed, clean: ${str(wasClean)}`));
  client.on('connection_error', () => print(`Closed, clean: ${str(false)}`));
  client.on('connection_established', (proto) => {
    print(`Connected with protocol: ${proto}`);
    client.getPeer(1)?.putPacket(new TextEncoder().encode(text.value));
  });
  client.on('data_received', () => {
    print(`Got data from server: ${new TextDecoder().decode(client.getPeer(1)?.getPacket() ?? new Uint8Array())}`);
  });

  const peer = (): ReturnType<WebSocketClient['getPeer']> => client.getPeer(1);
  connectButton.addEventListener('click', () => {
    if (peer()?.readyState !== State.CLOSED) {
      client.disconnectFromHost();
      return;
    }
    if (client.connectToUrl(url.value, ENDPOINTS[endpoint.value] ?? []) !== 0) print('Unable to connect');
  });
  byId(doc, 'minimal-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    if (peer()?.readyState === State.OPEN) peer()?.putPacket(new TextEncoder().encode(text.value));
  });

  return {
    poll() {
      client.poll();
      const state = peer()?.readyState ?? State.CLOSED;
      const label = state === State.CLOSED ? 'Connect' : 'Disconnect';
      if (connectButton.textContent !== label) connectButton.textContent = label;
      sendButton.disabled = state !== State.OPEN;
      endpoint.disabled = url.disabled = state !== State.CLOSED;
    },
    status() {
      const p = peer();
      if (p === null) return CLOSED_STATUS;
      return { state: stateName(p.readyState), protocol: p.selectedProtocol, peerId: null };
    },
  };
}
