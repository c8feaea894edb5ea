/**
 * The `Main` node of the test kit's Godot 4 `scene_client` probe, declared on our side with the same
 * `@rpc` names (so the same checksum) and modes, recording every call with its sender.
 */
import type { SceneMultiplayer } from '@wspeer/scene';
import type { Variant4 } from '@wspeer/variant';

/** One recorded call: method, sender, arguments. */
export interface Call {
  method: string;
  from: number;
  args: unknown[];
}

/** Declares the probe's `Main` node on `scene`; calls land in `calls`. */
export function probeMain(scene: SceneMultiplayer, calls: Call[]) {
  const record =
    (method: string) =>
    (...args: unknown[]): void => {
      calls.push({ method, from: scene.getRemoteSenderId(), args });
    };
  return scene.node('Main', {
    methods: {
      hello: { mode: 'any_peer', args: ['String'], handler: record('hello') as (text: string) => void },
      ping: { mode: 'any_peer', args: ['String'], handler: record('ping') as (text: string) => void },
      pong: { mode: 'any_peer', args: ['String'], handler: record('pong') as (text: string) => void },
      only_server: { args: ['String'], handler: record('only_server') as (text: string) => void },
      shout: {
        mode: 'any_peer',
        callLocal: true,
        args: ['String'],
        handler: record('shout') as (text: string) => void,
      },
      blob: { mode: 'any_peer', handler: record('blob') as (data: Uint8Array) => void },
      command: { mode: 'any_peer', args: ['String'], handler: record('command') as (text: string) => void },
      check_value: {
        mode: 'any_peer',
        handler: record('check_value') as (name: string, gd: string, value: Variant4) => void,
      },
      send_value: { mode: 'any_peer', handler: record('send_value') as (name: string, gd: string) => void },
      value_back: { mode: 'any_peer', handler: record('value_back') as (name: string, value: Variant4) => void },
    },
  });
}
