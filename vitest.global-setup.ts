import type { TestUrls } from '@wspeer/test-kit';
import { startTestServer } from '@wspeer/test-kit/node';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    urls: TestUrls;
  }
}

/** Starts the shared test servers on 127.0.0.1:0 for one Vitest project and stops them after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide('urls', server.urls);
  return () => server.close();
}
