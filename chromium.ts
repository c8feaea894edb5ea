import { existsSync } from 'node:fs';
import { chromiumPath } from './packages/test-kit/src/chromium.ts';

// One definition for Vitest, Playwright and the test kit's Godot 4 runner.
export { chromiumArgs, chromiumPath } from './packages/test-kit/src/chromium.ts';

if (!existsSync(chromiumPath)) {
  console.warn(`[wspeer] ${chromiumPath} is missing: run "npm test" (it installs it) or apt-get install -y chromium`);
}
