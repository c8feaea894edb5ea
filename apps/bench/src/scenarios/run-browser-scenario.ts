import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchContext } from '../bench-context.js';
import type { BrowserBenchConfig } from '../browser/browser-bench-config.js';
import { bundlePage } from '../browser/bundle-page.js';
import { launchChromium } from '../browser/launch-chromium.js';
import { PageServer } from '../browser/page-server.js';
import type { ImplId } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { formatValue } from '../report/format-value.js';
import { median } from '../stats.js';

/** Implementations of the browser scenario, in column order. */
export const BROWSER_IMPLS: readonly ImplId[] = ['page-ws', 'wspeer-page'];

/** Messages in flight of the browser workloads. */
const WINDOWS = [100, 1];

/**
 * Browser echo: a headless Chromium page measures, inside the page, its own WebSocket against
 * wspeer's browser build (bundled by Vite), alternating, both against the raw `ws` echo server.
 */
export async function runBrowserScenario(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  const server = await pool.get({ kind: 'ws-echo', bufferutil: true });
  const config: BrowserBenchConfig = {
    echoUrl: `ws://127.0.0.1:${server.port}/`,
    // Page rounds are cheap and Chromium is noisy: twice the rounds of the Node scenarios.
    rounds: options.rounds * 2,
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    size: 32,
    windows: WINDOWS,
  };
  const bundle = await bundlePage();
  const roundMs = options.warmupMs + options.durationMs + 500;
  const page = await PageServer.start(bundle, config, 30_000 + WINDOWS.length * 2 * config.rounds * roundMs);
  const chromium = await launchChromium(page.url);
  try {
    const result = await page.results;
    const errors = result.errors;
    ctx.log(`browser: ${result.userAgent}`);
    for (const window of WINDOWS) {
      const values = (result.rates[String(window)] ?? {}) as Partial<Record<ImplId, number[]>>;
      const measurement: Measurement = {
        id: `browser/32-binary/1x${window}`,
        group: 'browser',
        title: `Chromium page, 32 B binary, 1 conn x ${window} in flight`,
        unit: 'msg/s',
        better: 'higher',
        values: Object.fromEntries(
          BROWSER_IMPLS.map((id) => [id, (values[id] ?? []).map((v) => (typeof v === 'number' ? v : Number.NaN))]),
        ),
        errors,
      };
      ctx.add(measurement);
      const parts = BROWSER_IMPLS.map((id) => `${id} ${formatValue(median(measurement.values[id] ?? []), 'msg/s')}`);
      ctx.log(`${measurement.title}: ${parts.join(' | ')}`);
    }
    for (const error of errors) ctx.log(`  ! ${error}`);
  } finally {
    await chromium.close();
    await page.close();
    await rm(dirname(dirname(bundle)), { recursive: true, force: true });
  }
}
