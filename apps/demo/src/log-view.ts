/** How a log line is shown: plain information, a received message, our own message, or a warning. */
export type LogKind = 'info' | 'message' | 'own' | 'warning';

/**
 * A scrolling log (`<ol role="log">`): appends lines, keeps the newest `limit`, and follows the
 * bottom unless the reader scrolled up.
 */
export class LogView {
  readonly #list: HTMLElement;
  readonly #limit: number;

  constructor(list: HTMLElement, limit = 200) {
    this.#list = list;
    this.#limit = limit;
  }

  /** Appends `text`, with optional smaller `meta` (sender, frame type...) after it. */
  add(text: string, kind: LogKind = 'info', meta = ''): void {
    const list = this.#list;
    const following = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
    const item = list.ownerDocument.createElement('li');
    item.className = kind;
    item.append(text);
    if (meta !== '') {
      const small = list.ownerDocument.createElement('span');
      small.className = 'meta';
      small.textContent = meta;
      item.append(' ', small);
    }
    list.append(item);
    while (list.childElementCount > this.#limit) list.firstElementChild?.remove();
    if (following) list.scrollTop = list.scrollHeight;
  }

  /** Removes every line. */
  clear(): void {
    this.#list.replaceChildren();
  }
}
