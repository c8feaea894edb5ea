import { reportHandlerError } from './handler-error.js';

/** A signal handler. */
// biome-ignore lint/suspicious/noExplicitAny: handlers of any signature are stored side by side.
type Handler = (...args: any[]) => unknown;

/** Names of the signals of an event map. */
type SignalName<Events> = keyof Events & string;

/** The argument types of signal `K`. */
type ArgsOf<Events, K extends SignalName<Events>> = Events[K] extends (...args: infer A) => unknown
  ? A & unknown[]
  : never;

/** The handler type of signal `K`. */
type HandlerOf<Events, K extends SignalName<Events>> = Events[K] extends Handler ? Events[K] : never;

/** One subscription. */
interface Subscription {
  fn: Handler;
  context: unknown;
  once: boolean;
}

const NONE: readonly Subscription[] = [];

/**
 * Godot-style signals with a typed event map (`client.on('data_received', () => ...)`), with the
 * method names of Node's and eventemitter3's emitters (`on`, `once`, `off`, `emit`,
 * `listenerCount`...). Two things differ, on purpose:
 * - a handler that throws does not reach the emitter: it is reported (see
 *   `setHandlerErrorReporter`) and the next handler runs, so a faulty handler (or a remote peer
 *   that provokes one) cannot stall a poll or lose the events behind it;
 * - it is a small ES module, so browser bundles carry no CommonJS interop.
 * Handlers added or removed while a signal is being emitted take effect from the next emission.
 */
export class SignalEmitter<Events extends object = Record<string, Handler>> {
  /** Per signal with handlers, its list (never empty). */
  #subscriptions: Record<string, readonly Subscription[]> = Object.create(null);

  /** Subscribes `fn` to signal `name` (`context` becomes its `this`). */
  on<K extends SignalName<Events>>(name: K, fn: HandlerOf<Events, K>, context?: unknown): this {
    return this.#add(name, fn, context, false);
  }

  /** Same as `on`. */
  addListener<K extends SignalName<Events>>(name: K, fn: HandlerOf<Events, K>, context?: unknown): this {
    return this.#add(name, fn, context, false);
  }

  /** Subscribes `fn` to the next emission of signal `name` only. */
  once<K extends SignalName<Events>>(name: K, fn: HandlerOf<Events, K>, context?: unknown): this {
    return this.#add(name, fn, context, true);
  }

  /** Unsubscribes `fn` (every handler of `name` when `fn` is omitted; with `context`, only that one's). */
  off<K extends SignalName<Events>>(name: K, fn?: HandlerOf<Events, K>, context?: unknown): this {
    return this.#keep(
      name,
      (s) => fn !== undefined && (s.fn !== fn || (context !== undefined && s.context !== context)),
    );
  }

  /** Same as `off`. */
  removeListener<K extends SignalName<Events>>(name: K, fn?: HandlerOf<Events, K>, context?: unknown): this {
    return this.off(name, fn, context);
  }

  /** Unsubscribes every handler of `name`, or of every signal. */
  removeAllListeners(name?: SignalName<Events>): this {
    if (name !== undefined) return this.off(name);
    this.#subscriptions = Object.create(null);
    return this;
  }

  /** Handlers subscribed to `name`. */
  listenerCount(name: SignalName<Events>): number {
    return this.#subscriptions[name]?.length ?? 0;
  }

  /** The handlers subscribed to `name`, in order. */
  listeners<K extends SignalName<Events>>(name: K): Array<HandlerOf<Events, K>> {
    return (this.#subscriptions[name] ?? NONE).map((s) => s.fn as HandlerOf<Events, K>);
  }

  /** Names of the signals with handlers. */
  eventNames(): Array<SignalName<Events>> {
    return Object.keys(this.#subscriptions) as Array<SignalName<Events>>;
  }

  /**
   * Calls every handler of `name` with `args`, in subscription order; returns whether there were
   * any. A handler that throws is reported and the others still run.
   */
  emit<K extends SignalName<Events>>(name: K, ...args: ArgsOf<Events, K>): boolean;
  emit(name: string, ...args: unknown[]): boolean {
    const list = this.#subscriptions[name];
    if (list === undefined) return false;
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as Subscription;
      if (s.once) this.#keep(name, (other) => other !== s);
      try {
        // A spread of the rest parameter: V8 passes it on without building an array in optimized code.
        s.fn.call(s.context, ...args);
      } catch (error) {
        reportHandlerError(error, `a ${name} handler`);
      }
    }
    return true;
  }

  #add(name: string, fn: Handler, context: unknown, once: boolean): this {
    const list = this.#subscriptions[name] ?? NONE;
    this.#set(name, [...list, { fn, context: context ?? this, once }]);
    return this;
  }

  /** Keeps the handlers of `name` that `keep` accepts. */
  #keep(name: string, keep: (subscription: Subscription) => boolean): this {
    const list = this.#subscriptions[name];
    if (list !== undefined) this.#set(name, list.filter(keep));
    return this;
  }

  /** Lists are replaced, never changed in place, so an emission in progress keeps its snapshot. */
  #set(name: string, list: readonly Subscription[]): void {
    if (list.length > 0) this.#subscriptions[name] = list;
    else delete this.#subscriptions[name];
  }
}
