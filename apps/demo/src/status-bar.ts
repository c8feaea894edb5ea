import { byId } from './dom.ts';
import type { SessionStatus } from './session.ts';

type StatusField = 'state' | 'protocol' | 'peer' | 'rtt';

/**
 * The live status bar: the selected tab's connection state, selected subprotocol and peer id, and
 * the round-trip time. Touches the DOM only when a value changed (it is rendered every frame).
 */
export class StatusBar {
  readonly #fields: Record<StatusField, HTMLElement>;

  constructor(doc: Document) {
    this.#fields = {
      state: byId(doc, 'status-state', HTMLElement),
      protocol: byId(doc, 'status-protocol', HTMLElement),
      peer: byId(doc, 'status-peer', HTMLElement),
      rtt: byId(doc, 'status-rtt', HTMLElement),
    };
  }

  /** Shows `status` and `rttMs` (`null` while unknown; not shown unless the tab's connection is open). */
  render(status: SessionStatus, rttMs: number | null): void {
    this.#set('state', status.state);
    this.#fields.state.dataset.state = status.state;
    this.#set('protocol', status.state === 'open' ? status.protocol || '(none)' : '—');
    this.#set('peer', status.peerId === null || status.peerId === 0 ? '—' : String(status.peerId));
    const rtt = status.state === 'open' ? rttMs : null;
    this.#set('rtt', rtt === null ? '—' : `${rtt < 10 ? rtt.toFixed(1) : Math.round(rtt)} ms`);
  }

  #set(field: StatusField, text: string): void {
    const element = this.#fields[field];
    if (element.textContent !== text) element.textContent = text;
  }
}
