import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE = fileURLToPath(new URL('./page.js', import.meta.url));

/** The subset of Vite's API used here (Vite 8 from the workspace root's node_modules). */
interface ViteApi {
  build(config: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bundles the compiled bench page with Vite (browser export conditions, so `wspeer` resolves to
 * its browser build) into a fresh temporary directory; returns the path of `page.js` (in its
 * `dist/` subdirectory: remove the parent of that when done).
 */
export async function bundlePage(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wspeer-bench-page-'));
  const outDir = join(root, 'dist');
  const vite = (await import('vite')) as unknown as ViteApi;
  await vite.build({
    configFile: false,
    root,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: PAGE, formats: ['es'], fileName: () => 'page.js' },
    },
  });
  return join(outDir, 'page.js');
}
