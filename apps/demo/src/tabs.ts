/**
 * Accessible tabs (the WAI-ARIA tabs pattern) over `[role=tab]` buttons whose `aria-controls`
 * name their panels: click, or Left/Right/Home/End on the focused tab, selects; the URL hash
 * (`#chat`) remembers the tab so a link can open it.
 */
export class Tabs {
  readonly #tabs: HTMLButtonElement[];
  #current = '';

  readonly #onChange: (name: string) => void;

  constructor(tablist: HTMLElement, onChange: (name: string) => void = () => {}) {
    this.#onChange = onChange;
    this.#tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    for (const tab of this.#tabs) {
      tab.addEventListener('click', () => this.select(Tabs.#nameOf(tab)));
      tab.addEventListener('keydown', (event) => this.#onKey(event, tab));
    }
    const fromHash = location.hash.slice(1);
    const first = this.#tabs[0];
    this.select(this.#tabs.some((t) => Tabs.#nameOf(t) === fromHash) ? fromHash : first ? Tabs.#nameOf(first) : '');
  }

  /** The selected tab's name (`"minimal"`, `"chat"`, `"game"`). */
  get active(): string {
    return this.#current;
  }

  /** Selects the tab named `name` and shows its panel. */
  select(name: string, focus = false): void {
    for (const tab of this.#tabs) {
      const selected = Tabs.#nameOf(tab) === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = tab.ownerDocument.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel !== null) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    if (name === this.#current) return;
    this.#current = name;
    if (location.hash.slice(1) !== name) history.replaceState(null, '', `#${name}`);
    this.#onChange(name);
  }

  #onKey(event: KeyboardEvent, tab: HTMLButtonElement): void {
    const at = this.#tabs.indexOf(tab);
    const count = this.#tabs.length;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1 + count, Home: 0, End: count - 1 }[event.key];
    const next = to === undefined ? undefined : this.#tabs[to % count];
    if (next === undefined) return;
    event.preventDefault();
    this.select(Tabs.#nameOf(next), true);
  }

  static #nameOf(tab: HTMLElement): string {
    return tab.id.replace(/^tab-/, '');
  }
}
