import { defaultUrl } from '../default-url.ts';
import { byId } from '../dom.ts';
import { LogView } from '../log-view.ts';
import type { Session } from '../session.ts';
import { GameSession, type GameWire } from './game-session.ts';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The Game tab: join `/game` (Godot 3 wire) or `/game4` (Godot 4 wire) under a name, see the
 * players (the crown marks whose turn it is), roll on your turn (the Roll button is enabled only
 * then), and read the host's log. "Roll out of turn" sends the same request when it is not your
 * turn, to show the host refusing it.
 */
export function startGameTab(doc: Document): Session {
  const name = byId(doc, 'game-name', HTMLInputElement);
  const wire = byId(doc, 'game-wire', HTMLSelectElement);
  const joinButton = byId(doc, 'game-join', HTMLButtonElement);
  const turn = byId(doc, 'game-turn', HTMLElement);
  const roll = byId(doc, 'game-roll', HTMLButtonElement);
  const cheat = byId(doc, 'game-cheat', HTMLButtonElement);
  const players = byId(doc, 'game-players', HTMLOListElement);
  const session = new GameSession(new LogView(byId(doc, 'game-log', HTMLElement)));
  name.value ||= `player-${Math.floor(1000 + Math.random() * 9000)}`;

  byId(doc, 'game-join-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    if (session.busy) session.leave();
    else if (name.reportValidity()) {
      const chosen = wire.value as GameWire;
      session.join(defaultUrl(chosen === 'godot4' ? '/game4' : '/game'), name.value, chosen);
    }
  });
  roll.addEventListener('click', () => session.roll());
  cheat.addEventListener('click', () => session.roll());

  let shown = -1;
  const render = (): void => {
    const table = session.table;
    const me = session.uniqueId;
    players.replaceChildren(
      ...table.players.map((id, index) => {
        const item = doc.createElement('li');
        if (index === table.turn) {
          item.setAttribute('aria-current', 'true');
          item.append(crown(doc));
        }
        item.append(table.nameOf(id));
        if (id === me) item.append(' (you)');
        const small = doc.createElement('span');
        small.className = 'meta';
        small.textContent = `#${id}`;
        item.append(' ', small);
        return item;
      }),
    );
    const current = table.current;
    const text = !session.connected
      ? session.busy
        ? 'Connecting…'
        : 'Not playing. Pick a name and join.'
      : current === undefined
        ? 'Waiting for the host…'
        : current === me
          ? 'Your turn: roll the dice!'
          : `${table.nameOf(current)}’s turn`;
    if (turn.textContent !== text) turn.textContent = text;
  };

  return {
    poll() {
      session.poll();
      const key = session.table.version * 4 + (session.connected ? 2 : 0) + (session.busy ? 1 : 0);
      if (key !== shown) {
        shown = key;
        render();
      }
      const label = session.busy ? 'Leave' : 'Join';
      if (joinButton.textContent !== label) joinButton.textContent = label;
      name.disabled = session.busy;
      wire.disabled = session.busy;
      roll.disabled = !session.canRoll;
      cheat.disabled = !session.connected || session.table.current === session.uniqueId;
    },
    status: () => session.status(),
  };
}

/** The demo's crown icon, marking whose turn it is. */
function crown(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'crown');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Current turn:');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M3 18h18l1-11-6 4-4-7-4 7-6-4z');
  svg.append(path);
  return svg;
}
