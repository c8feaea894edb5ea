import { AutoPoll, ErrorCode, msg, reportHandlerError } from '@wspeer/core';
import type { MultiplayerPeer, RefusalLog } from '@wspeer/multiplayer';
import { CMD_MASK, SceneCommand, SysCommand } from './scene-command.js';
import type { SceneMultiplayer } from './scene-multiplayer.js';
import { authPacket } from './scene-packets.js';

/** Bit of an {@link AuthSession}'s `done`: we called `completeAuth` for the peer. */
const LOCAL = 1;
/** Bit of an {@link AuthSession}'s `done`: the peer told us it completed. */
const REMOTE = 2;

/** One peer in the authentication exchange. */
export interface AuthSession {
  /** Which sides completed: bit 1 we (`completeAuth`), bit 2 the peer. */
  done: number;
  /** When it connected (ms, `performance.now()`). */
  readonly since: number;
}

/** What a `SceneMultiplayer` lets its authentication do (its private side). */
export interface SceneAuthHost {
  /** Admits `id` (both sides completed). */
  admit(id: number): void;
  /** Sets `lastErrorMessage` to `message`; returns `code`. */
  fail(code: ErrorCode, message: string): ErrorCode;
  /** Counts a refusal of `kind` and reports `reason` to the `rpc_refused` listeners or, without any, to the rate-limited log. */
  refuse(from: number, kind: string, reason: string): void;
  /** The refusal counter (a refusal reported through another signal than `rpc_refused`). */
  readonly refusals: RefusalLog;
}

/**
 * Authentication for a `SceneMultiplayer` (Godot 4's `auth_callback`, `send_auth`, `complete_auth`,
 * `auth_timeout`): an opt-in feature, kept out of bundles that do not use it. Passed as the `auth`
 * option (`{ auth: sceneAuth }`), in Node as in browsers.
 */
export type SceneAuth = (scene: SceneMultiplayer, host: SceneAuthHost) => SceneAuthSessions;

/** Godot 4's authentication exchange (see {@link SceneAuth}). */
export const sceneAuth: SceneAuth = (scene, host) => new SceneAuthSessions(scene, host);

/**
 * The peers of one `SceneMultiplayer` that connected but are not admitted yet because an
 * `authCallback` is set (Godot 4's `pending_peers`), by id: admitted once both sides have completed,
 * dropped after `authTimeout`. Bounded by the connected peers (a peer is here only between its
 * connection and its admission).
 */
export class SceneAuthSessions extends Map<number, AuthSession> {
  readonly #scene: SceneMultiplayer;
  readonly #host: SceneAuthHost;
  readonly #autoPoll: AutoPoll;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The sessions of `scene` (made by {@link sceneAuth}). */
  constructor(scene: SceneMultiplayer, host: SceneAuthHost) {
    super();
    this.#scene = scene;
    this.#host = host;
    this.#autoPoll = new AutoPoll(() => scene.poll(), 'SceneMultiplayer.poll');
  }

  /** `id` connected: it authenticates (`peer_authenticating`). */
  start(id: number): void {
    const now = performance.now();
    const timeout = this.#scene.authTimeout * 1000;
    this.set(id, { done: 0, since: now });
    // Sessions already pending expire first: the timer armed for them re-arms for this one.
    if (this.size === 1 && timeout > 0) this.#arm(now + timeout);
    this.#scene.emit('peer_authenticating', id);
  }

  /**
   * `sendAuth` (`data`) or `completeAuth` (`null`) for `id` through `peer`; `undefined` when `id` is
   * not authenticating. `ERR_INVALID_PARAMETER` for empty data, `ERR_FILE_CANT_WRITE` once either side
   * completed (`completeAuth`: once we did).
   */
  send(peer: MultiplayerPeer, id: number, data: Uint8Array | null): ErrorCode | undefined {
    const session = this.get(id);
    if (session === undefined) return undefined;
    const host = this.#host;
    if (data?.byteLength === 0) return host.fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Empty authentication data.`);
    if (session.done & (data === null ? LOCAL : LOCAL | REMOTE)) {
      return host.fail(ErrorCode.ERR_FILE_CANT_WRITE, msg`Authentication of peer ${id} was completed already.`);
    }
    peer.setTargetPeer(id);
    const err = peer.putPacket(authPacket(data ?? new Uint8Array(0)));
    if (data === null && this.#complete(id, LOCAL)) host.admit(id);
    return err;
  }

  /** A packet from authenticating peer `from`: only AUTH passes (its data to `authCallback`, or its completion). */
  receive(from: number, packet: Uint8Array): void {
    const host = this.#host;
    if (
      packet.byteLength < 2 ||
      ((packet[0] as number) & CMD_MASK) !== SceneCommand.SYS ||
      packet[1] !== SysCommand.AUTH
    ) {
      host.refuse(from, 'auth', msg`Packet from peer ${from} before its authentication completed.`);
    } else if (packet.byteLength === 2) {
      if (this.#complete(from, REMOTE)) host.admit(from);
    } else {
      const callback = this.#scene.authCallback;
      if (callback === null) host.refuse(from, 'auth', msg`Authentication data, but no authCallback is set.`);
      else {
        try {
          callback(from, packet.subarray(2));
        } catch (error) {
          reportHandlerError(error, 'authCallback');
        }
      }
    }
  }

  /**
   * Drops the peers that did not authenticate within `authTimeout` (counted as `auth-timeout`,
   * disconnected, `peer_authentication_failed`); with auto-poll, arms a poll for the next one.
   */
  expire(): void {
    const scene = this.#scene;
    const timeout = scene.authTimeout * 1000;
    const now = performance.now();
    const expired: number[] = [];
    let next = Number.POSITIVE_INFINITY;
    if (timeout > 0) {
      for (const [id, { since }] of this) {
        if (since + timeout <= now) expired.push(id);
        else next = Math.min(next, since + timeout);
      }
    }
    for (const id of expired) {
      this.delete(id);
      const reason = msg`Peer ${id} did not authenticate within ${scene.authTimeout} s.`;
      // Reported to the peer_authentication_failed listeners (it fires below), else logged.
      this.#host.refusals.note(id, 'auth-timeout', reason, scene.listenerCount('peer_authentication_failed') > 0);
      scene.multiplayerPeer?.disconnectPeer(id);
      scene.emit('peer_authentication_failed', id);
    }
    this.#arm(next);
  }

  /**
   * `id` left or was disconnected: whether it was authenticating (it then failed:
   * `peer_authentication_failed` unless `silent`).
   */
  drop(id: number, silent: boolean): boolean {
    if (!this.delete(id)) return false;
    if (!silent) this.#scene.emit('peer_authentication_failed', id);
    return true;
  }

  /** Forgets every session and the timer. */
  override clear(): void {
    super.clear();
    clearTimeout(this.#timer);
  }

  /** Marks side `bit` of `id` complete; whether both sides now have (then `id` is removed). */
  #complete(id: number, bit: number): boolean {
    const session = this.get(id);
    if (session === undefined) return false;
    session.done |= bit;
    return session.done === (LOCAL | REMOTE) && this.delete(id);
  }

  /** With auto-poll, a poll at `at` (ms), when the next session expires (no packet may come to trigger one). */
  #arm(at: number): void {
    clearTimeout(this.#timer);
    if (!this.#scene.autoPoll || at === Number.POSITIVE_INFINITY) return;
    this.#timer = setTimeout(() => this.#autoPoll.request(), Math.max(0, at - performance.now()) + 5);
  }
}
