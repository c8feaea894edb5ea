import { WebSocketClient } from 'wspeer';
import { defaultUrl } from './default-url.ts';

/**
 * The minimal client of Godot's WebSocket documentation, ported line by line: connect, send
 * "Test packet" on connection, print what comes back. Polled from requestAnimationFrame like a
 * game loop would.
 */
export function startMinimalClient(doc: Document): void {
  const url = doc.querySelector<HTMLInputElement>('#minimal-url') as HTMLInputElement;
  const text = doc.querySelector<HTMLInputElement>('#minimal-text') as HTMLInputElement;
  const out = doc.querySelector('#minimal-log') as HTMLElement;
  const status = doc.querySelector('#status') as HTMLElement;
  url.value = defaultUrl('/echo');
  const print = (line: string): void => {
    out.textContent += `${line}\n`;
  };

  const client = new WebSocketClient();
  client.on('connection_closed', (wasClean) => print(`Closed, clean: ${wasClean}`));
  client.on('connection_error', () => print('Closed, clean: false'));
  client.on('connection_established', (proto) => {
    print(`Connected with protocol: ${proto}`);
    client.getPeer(1)?.putPacket(new TextEncoder().encode(text.value));
  });
  client.on('data_received', () => {
    print(`Got data from server: ${new TextDecoder().decode(client.getPeer(1)?.getPacket())}`);
  });

  const connect = (): void => {
    if (client.connectToUrl(url.value) !== 0) print('Unable to connect');
  };
  doc.querySelector('#minimal-connect')?.addEventListener('click', connect);
  doc.querySelector('#minimal-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const peer = client.getPeer(1);
    if (peer?.readyState === 1) peer.putPacket(new TextEncoder().encode(text.value));
    else connect();
  });

  const states = ['connecting', 'open', 'closing', 'closed'];
  const frame = (): void => {
    client.poll();
    status.textContent = `state: ${states[client.getPeer(1)?.readyState ?? 3]}`;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
