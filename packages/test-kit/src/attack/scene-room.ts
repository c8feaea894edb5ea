import { type SceneMethodMap, SceneMultiplayer, type SceneNode } from 'wspeer/scene';

/**
 * The Godot 4 room every scene attack runs against: one node, declared alike by the target server
 * and the honest clients (same `@rpc` names, so the same checksum). Its path is longer than 12
 * characters on purpose: V8 keeps a slice of 13 or more characters as a view on the string it was
 * cut from, so a cache that kept keys cut from remote text would keep the whole remote text.
 */
export const SCENE_NODE = 'Main/Panel/VBoxContainer/Game';

/** The token honest clients authenticate with (the target admits no one else). */
export const SCENE_TOKEN = 'honest-token';

/** Wire ids of the node's methods (Godot numbers them by their sorted names). */
export const SCENE_METHOD = { note: 0, ping: 1, pong: 2 } as const;

/** What a side does when `ping` or `pong` arrives. */
export interface SceneRoomHandlers {
  /** `ping(n)` from the sender. */
  ping: (n: number) => void;
  /** `pong(n)` from the sender. */
  pong: (n: number) => void;
}

/** The room's methods: `note(...)` takes anything (so every argument is decoded), `ping` / `pong` one int. */
export function sceneRoomMethods(handlers: SceneRoomHandlers) {
  return {
    note: { mode: 'any_peer', handler: (..._args: unknown[]) => {} },
    ping: { mode: 'any_peer', args: ['int'], handler: handlers.ping },
    pong: { mode: 'any_peer', args: ['int'], handler: handlers.pong },
  } satisfies SceneMethodMap;
}

/** The room's node, typed by its methods. */
export type SceneRoomNode = SceneNode<ReturnType<typeof sceneRoomMethods>>;

/** Declares the room's node on `scene`. */
export function declareSceneRoom(scene: SceneMultiplayer, handlers: SceneRoomHandlers): SceneRoomNode {
  const node = scene.node(SCENE_NODE, { methods: sceneRoomMethods(handlers) });
  for (const [name, id] of Object.entries(SCENE_METHOD)) {
    if (node.config.byName.get(name)?.id !== id) throw new Error(`scene room: ${name} is not method id ${id}`);
  }
  return node;
}

/** The checksum SIMPLIFY_PATH carries for the room's node (what an honest peer sends). */
export function sceneRoomChecksum(): string {
  const none = (): void => {};
  return declareSceneRoom(new SceneMultiplayer(null, { log: null }), { ping: none, pong: none }).config.md5;
}
