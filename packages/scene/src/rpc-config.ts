import { encodeUtf8, msg } from '@wspeer/core';
import type { TransferMode } from '@wspeer/multiplayer';
import { md5Hex } from './md5.js';
import type { RpcMode, RpcModeName, TransferModeName } from './rpc-mode.js';
import type { SceneArgType } from './scene-arg-type.js';

/** Any RPC handler: its parameter types are what `rpc()` accepts for that method. */
// biome-ignore lint/suspicious/noExplicitAny: handlers are typed by the user; `never[]` would reject them in inference.
export type SceneRpcHandler = (...args: any[]) => unknown;

/** An `@rpc` method of a node, as GDScript's `@rpc(mode, sync, transfer_mode, channel)` declares it. */
export interface SceneMethodSpec<H extends SceneRpcHandler = SceneRpcHandler> {
  /** Who may call it: `'authority'` (Godot's default), `'any_peer'` or `'disabled'`. */
  mode?: RpcModeName;
  /** Also run it locally when called (`"call_local"`). */
  callLocal?: boolean;
  /** Transfer mode its packets ask for (reported; WebSocket is reliable and ordered). Default `'reliable'`. */
  transferMode?: TransferModeName;
  /** Channel its packets ask for (reported). Default 0. */
  channel?: number;
  /**
   * Godot 4 types of the arguments (`'int'`, `'float'`, `'String'`, `'Vector2i'`, ... or `'Variant'`).
   * When given, plain numbers go out as `float` where `'float'` is declared, and incoming calls with
   * the wrong count or types are refused.
   */
  args?: readonly SceneArgType[];
  /** The function; `multiplayer.getRemoteSenderId()` tells who called it. */
  handler: H;
}

/** The `@rpc` methods of a node, by name. */
export type SceneMethodMap = Record<string, SceneMethodSpec>;

/** One method with its wire id and numeric settings. */
export interface MethodConfig {
  /** The method name. */
  readonly name: string;
  /** Its id on the wire: its index among the node's RPC names sorted. */
  readonly id: number;
  /** One of {@link RpcMode}. */
  readonly mode: RpcMode;
  /** `call_local`. */
  readonly callLocal: boolean;
  /** One of `TransferMode`. */
  readonly transferMode: TransferMode;
  /** Channel. */
  readonly channel: number;
  /** The declaration. */
  readonly spec: SceneMethodSpec;
}

/** The GDScript names of the RPC modes, indexed by their {@link RpcMode} number. */
export const RPC_MODE_NAMES: readonly RpcModeName[] = ['disabled', 'any_peer', 'authority'];

/** The GDScript names of the transfer modes, indexed by their `TransferMode` number. */
const TRANSFER_NAMES: readonly TransferModeName[] = ['unreliable', 'unreliable_ordered', 'reliable'];

/** The index of `name` in `names` (its number); throws naming the method, the setting and the choices. */
function modeNumber(names: readonly string[], name: string, method: string, setting: string): number {
  const n = names.indexOf(name);
  if (n < 0) throw new Error(msg`RPC '${method}': unknown ${setting} '${name}' (use ${names.join(', ')})`);
  return n;
}

/** Godot's `String` `<`: by Unicode code point (JS `<` compares UTF-16 units, which differs past U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  // At the first difference; a string that ended sorts first (-1 is below every code point).
  return (x[i]?.codePointAt(0) ?? -1) - (y[i]?.codePointAt(0) ?? -1);
}

/**
 * A node's RPC table as Godot 4 builds it (`SceneRPCInterface::_parse_rpc_config`): the method names
 * sorted, numbered from 0, and the checksum SIMPLIFY_PATH carries: the MD5 of the names
 * concatenated in id order (`get_rpc_md5`). Both sides must declare the same names.
 */
export class RpcConfig {
  /** Methods by wire id. */
  readonly byId: readonly MethodConfig[];
  /** Methods by name. */
  readonly byName: ReadonlyMap<string, MethodConfig>;
  /** MD5 (hex) of the names in id order. */
  readonly md5: string;

  /** The table of `methods`. Throws for a method with an unknown mode or transfer mode name. */
  constructor(methods: SceneMethodMap = {}) {
    const names = Object.keys(methods).sort(byCodePoint);
    const byId: MethodConfig[] = [];
    const byName = new Map<string, MethodConfig>();
    for (const [id, name] of names.entries()) {
      const spec = methods[name] as SceneMethodSpec;
      const config: MethodConfig = {
        name,
        id,
        mode: modeNumber(RPC_MODE_NAMES, spec.mode ?? 'authority', name, 'mode') as RpcMode,
        callLocal: spec.callLocal ?? false,
        transferMode: modeNumber(TRANSFER_NAMES, spec.transferMode ?? 'reliable', name, 'transferMode') as TransferMode,
        channel: spec.channel ?? 0,
        spec,
      };
      byId.push(config);
      byName.set(name, config);
    }
    this.byId = byId;
    this.byName = byName;
    this.md5 = md5Hex(encodeUtf8(names.join('')));
  }

  /** The method names in id order, for messages. */
  get names(): string[] {
    return this.byId.map((m) => m.name);
  }
}
