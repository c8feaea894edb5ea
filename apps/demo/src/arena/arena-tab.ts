import { defaultUrl } from '../default-url.ts';
import { byId } from '../dom.ts';
import { LogView } from '../log-view.ts';
import type { Session } from '../session.ts';
import { ArenaInput } from './arena-input.ts';
import { ArenaSession } from './arena-session.ts';
import { ArenaView } from './arena-view.ts';

/**
 * The Arena tab: join `/arena` (Godot 4's wire, SceneMultiplayer and replication) and move your dot
 * with the arrow keys, or by holding a finger on the arena. The server is authoritative at 30 Hz;
 * Godot 4 games with only the stock spawner and synchronizer nodes play in the same arena.
 */
export function startArenaTab(doc: Document, isShown: () => boolean): Session {
  const joinButton = byId(doc, 'arena-join', HTMLButtonElement);
  const canvas = byId(doc, 'arena-canvas', HTMLCanvasElement);
  const session = new ArenaSession(new LogView(byId(doc, 'arena-log', HTMLElement)));
  const view = new ArenaView(canvas, byId(doc, 'arena-players', HTMLOListElement));
  const input = new ArenaInput(doc, canvas);

  byId(doc, 'arena-join-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    if (session.busy) session.leave();
    else session.join(defaultUrl('/arena'));
  });

  return {
    poll() {
      input.enabled = session.busy && isShown();
      session.setInput(input.enabled ? input.direction(session.position) : input.direction(undefined));
      session.poll();
      view.render(session.dots());
      const label = session.busy ? 'Leave' : 'Join';
      if (joinButton.textContent !== label) joinButton.textContent = label;
    },
    status: () => session.status(),
  };
}
