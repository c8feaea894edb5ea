// One browser bundle the way an app's Vite build makes it (browser export conditions, minified, es2022):
// what bundle-check.mjs measures and bundle-explain.mjs attributes.
import { build } from 'vite';

/**
 * Bundles `input` (an entry file under `root`; `production: false` for a development build) and returns its first JS chunk (`code`, and `map` when
 * `sourcemap` is set), joined with any other chunks' code.
 */
export async function browserBundle(root, input, { sourcemap = false, production = true } = {}) {
  // Vite sets `production` in production builds: the packages serve their production build (messages as codes).
  const conditions = ['browser', 'module', 'import', production ? 'production' : 'development'];
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { conditions },
    build: { write: false, minify: true, sourcemap, target: 'es2022', modulePreload: false, rollupOptions: { input } },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  return { code: chunks.map((c) => c.code).join('\n'), map: chunks[0]?.map ?? null, chunks: chunks.length };
}
