import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttackRecord, recordAttack } from './attack-report.js';
import { Child } from './child.js';
import { HonestEcho, type HonestFigures } from './honest-echo.js';
import type { TargetStats } from './target-stats.js';

/** Which server an attack session runs against. */
export interface SessionOptions {
  /** `public`: a server built with the public API and its defaults; `demo`: apps/server. */
  target: 'public' | 'demo';
  /** Heartbeat of every endpoint in seconds (default 0 for `public`, 5 for `demo`). */
  heartbeatInterval?: number;
  /** Start the target under `ulimit -n` (open files). */
  fileLimit?: number;
}

/** One measured attack. */
export interface Measured {
  /** The attacker's own figures. */
  attack: Record<string, unknown>;
  /** The honest echo client's. */
  honest: HonestFigures;
  /** Target before (after GC). */
  before: TargetStats;
  /** Target after (after GC, attacker still holding what it holds). */
  after: TargetStats;
}

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * A target server and an attacker, each in its own process (so the honest client in the test
 * process measures the server, not the attack generator). `stop()` ends both.
 */
export class AttackSession {
  /** The target's port. */
  readonly port: number;
  /** `public` or `demo`. */
  readonly target: string;
  readonly #server: Child;
  readonly #attacker: Child;

  private constructor(target: string, port: number, server: Child, attacker: Child) {
    this.target = target;
    this.port = port;
    this.#server = server;
    this.#attacker = attacker;
  }

  /** Starts the target and an attacker aimed at it. */
  static async start(options: SessionOptions): Promise<AttackSession> {
    const demoModule = join(process.cwd(), 'apps', 'server', 'dist', 'index.js');
    const heartbeat = options.heartbeatInterval ?? (options.target === 'demo' ? 5 : 0);
    const server = new Child(join(here, 'attack-target.js'), [options.target, demoModule, String(heartbeat)], {
      execArgv: ['--expose-gc'],
      ...(options.fileLimit === undefined ? {} : { fileLimit: options.fileLimit }),
    });
    const { port } = (await server.ready) as { port: number };
    const attacker = new Child(join(here, 'attacker.js'), [String(port)]);
    await attacker.ready;
    return new AttackSession(options.target, port, server, attacker);
  }

  /** The target's figures (after two full GCs). */
  stats(): Promise<TargetStats> {
    return this.#server.request<TargetStats>('stats');
  }

  /** The target process (to signal it). */
  get serverProcess(): Child['process'] {
    return this.#server.process;
  }

  /** Runs one attack and resolves with the attacker's figures. */
  attack(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.#attacker.request('run', { attack: name, args }, 90_000);
  }

  /** Closes the sockets an attack kept open. */
  release(): Promise<unknown> {
    return this.#attacker.request('release');
  }

  /**
   * Runs an attack while an honest client pings `/echo` every 10 ms; measures the target before
   * and after, and records the figures for the attack report.
   */
  async measure(layer: string, label: string, attack: string, args: Record<string, unknown> = {}): Promise<Measured> {
    const before = await this.stats();
    const honest = new HonestEcho();
    await honest.start(`ws://127.0.0.1:${this.port}/echo`);
    await new Promise((r) => setTimeout(r, 100));
    const figures = await this.attack(attack, args);
    await new Promise((r) => setTimeout(r, 100));
    const probe = await honest.stop();
    const after = await this.stats();
    const record: AttackRecord = {
      layer,
      attack: label,
      target: this.target,
      honest: probe,
      heapBeforeMB: before.heapUsedMB,
      heapAfterMB: after.heapUsedMB,
      worstLoopDelayMs: after.worstLoopDelayMs,
      notes: { ...figures, targetCpuMs: Math.round(after.cpuMs - before.cpuMs) },
    };
    recordAttack(record);
    return { attack: figures, honest: probe, before, after };
  }

  /** Stops the attacker and the target. */
  async stop(): Promise<void> {
    await Promise.all([this.#attacker.stop(), this.#server.stop()]);
  }
}
