/**
 * The few host globals the platform-neutral packages (core, multiplayer, rpc) use. Browsers and
 * Node both provide them; declaring them here, instead of loading DOM or Node typings, keeps a
 * stray `Buffer` or `window` a type error. Each of those packages includes this file.
 */
declare function queueMicrotask(callback: () => void): void;
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function setInterval(callback: () => void, ms?: number): unknown;
declare function clearInterval(handle: unknown): void;
declare const console: {
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  log(...data: unknown[]): void;
};
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare const crypto: { getRandomValues<T extends Uint32Array | Uint8Array>(array: T): T };
declare const performance: { now(): number };
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly href: string;
}
