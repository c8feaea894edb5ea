/**
 * Receives an exception thrown by user code that wspeer called: a signal listener, an RPC method,
 * a property's `changed` callback. `where` names what was running (a signal or method name).
 */
export type HandlerErrorReporter = (error: unknown, where: string) => void;

const logToConsole: HandlerErrorReporter = (error, where) => {
  console.error(`[wspeer] ${where} threw:`, error);
};

let reporter: HandlerErrorReporter = logToConsole;

/**
 * wspeer's one policy for handlers that throw, in every layer: the exception is caught where wspeer
 * called your code, handed to the reporter, and processing goes on with the next event, so one
 * faulty handler (or a remote peer that provokes it) cannot stall a poll, lose the events queued
 * behind it, or stop the process. The default reporter logs with `console.error`, as Godot prints a
 * script error and keeps running. Pass `null` to restore it.
 *
 * A reporter that throws (say, to fail a test) has its exception rethrown outside wspeer, from a
 * microtask: an uncaught exception in Node, a console error in browsers.
 */
export function setHandlerErrorReporter(next: HandlerErrorReporter | null): void {
  reporter = next ?? logToConsole;
}

/** Hands a handler's exception to the reporter (see {@link setHandlerErrorReporter}). Never throws. */
export function reportHandlerError(error: unknown, where: string): void {
  try {
    reporter(error, where);
  } catch (thrown) {
    queueMicrotask(() => {
      throw thrown;
    });
  }
}
