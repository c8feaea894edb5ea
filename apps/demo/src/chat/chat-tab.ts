import { ConnectionStatus } from 'wspeer';
import { defaultUrl } from '../default-url.ts';
import { byId } from '../dom.ts';
import { LogView } from '../log-view.ts';
import type { Session } from '../session.ts';
import { type ChatDestination, ChatSession } from './chat-session.ts';

/**
 * The Chat tab: nickname, multiplayer toggle (raw mode joins `/chat`, multiplayer mode `/chat/mp`),
 * write mode, destination, message box, peer list and log, over one {@link ChatSession}.
 */
export function startChatTab(doc: Document): Session {
  const nick = byId(doc, 'chat-nick', HTMLInputElement);
  const multiplayer = byId(doc, 'chat-multiplayer', HTMLInputElement);
  const writeMode = byId(doc, 'chat-write-mode', HTMLSelectElement);
  const destination = byId(doc, 'chat-dest', HTMLSelectElement);
  const connectButton = byId(doc, 'chat-connect', HTMLButtonElement);
  const text = byId(doc, 'chat-text', HTMLInputElement);
  const sendButton = byId(doc, 'chat-send', HTMLButtonElement);
  const peers = byId(doc, 'chat-peers', HTMLUListElement);
  const session = new ChatSession(new LogView(byId(doc, 'chat-log', HTMLElement)));
  nick.value ||= `guest-${Math.floor(1000 + Math.random() * 9000)}`;

  byId(doc, 'chat-connect-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    if (session.connectionStatus !== ConnectionStatus.CONNECTION_DISCONNECTED) session.disconnect();
    else if (nick.reportValidity())
      session.connect(defaultUrl(multiplayer.checked ? '/chat/mp' : '/chat'), multiplayer.checked);
  });
  byId(doc, 'chat-send-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    if (text.value.trim() === '') return;
    const sent = session.send({
      nick: nick.value,
      text: text.value,
      binary: writeMode.value === 'binary',
      destination: destination.value as ChatDestination,
    });
    if (sent === 0) text.value = '';
  });

  let rawWriteMode = writeMode.value;
  let shownRoster = -1;
  let shownSelf = -1;
  nick.addEventListener('input', () => {
    shownRoster = -1;
  });
  const renderPeers = (): void => {
    const self = doc.createElement('li');
    self.className = 'self';
    self.append(`${nick.value} (you)`);
    const id = session.uniqueId;
    if (id !== 0) self.append(' ', meta(doc, `#${id}`));
    const others = session.roster.list().map((peer) => {
      const item = doc.createElement('li');
      item.append(peer.name || 'anonymous', ' ', meta(doc, `#${peer.id}`));
      return item;
    });
    peers.replaceChildren(self, ...others);
  };

  return {
    poll() {
      session.poll();
      const status = session.connectionStatus;
      const idle = status === ConnectionStatus.CONNECTION_DISCONNECTED;
      const label = idle ? 'Connect' : 'Disconnect';
      if (connectButton.textContent !== label) connectButton.textContent = label;
      connectButton.setAttribute('aria-pressed', String(!idle));
      nick.disabled = multiplayer.disabled = !idle;
      sendButton.disabled = text.disabled = status !== ConnectionStatus.CONNECTION_CONNECTED;
      const mp = idle ? multiplayer.checked : session.multiplayer;
      if (mp !== writeMode.disabled) {
        // Multiplayer mode is always binary: show it, and give the raw-mode choice back afterwards.
        if (mp) rawWriteMode = writeMode.value;
        writeMode.value = mp ? 'binary' : rawWriteMode;
        writeMode.disabled = mp;
      }
      destination.disabled = !mp;
      if (session.roster.version !== shownRoster || session.uniqueId !== shownSelf) {
        shownRoster = session.roster.version;
        shownSelf = session.uniqueId;
        renderPeers();
      }
    },
    status: () => session.status(),
  };
}

function meta(doc: Document, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'meta';
  span.textContent = text;
  return span;
}
