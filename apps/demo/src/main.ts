import { startArenaTab } from './arena/arena-tab.ts';
import { startChatTab } from './chat/chat-tab.ts';
import { defaultUrl } from './default-url.ts';
import { byId } from './dom.ts';
import { startFrameLoop } from './frame-loop.ts';
import { startGameTab } from './game/game-tab.ts';
import { startMinimalClient } from './minimal-client.ts';
import { RttMeter } from './rtt-meter.ts';
import type { Session } from './session.ts';
import { StatusBar } from './status-bar.ts';
import { Tabs } from './tabs.ts';

const sessions: Record<string, Session> = {
  minimal: startMinimalClient(document),
  chat: startChatTab(document),
  game: startGameTab(document),
  arena: startArenaTab(document, () => tabs.active === 'arena'),
};
const tabs = new Tabs(byId(document, 'tabs', HTMLElement));
const statusBar = new StatusBar(document);
const rtt = new RttMeter(defaultUrl('/ping'));
void rtt.start();

// The game loop: every connection of the page is polled once per frame, whichever tab is shown.
startFrameLoop(() => {
  for (const session of Object.values(sessions)) session.poll();
  const active = sessions[tabs.active] ?? sessions.minimal;
  if (active !== undefined) statusBar.render(active.status(), rtt.rttMs);
});
