/**
 * Before the browser tests: the portal's production build (once per run, into a temporary folder) and the
 * Chromium they drive. The browser is Debian's `chromium` (or CHROMIUM_PATH); nothing downloads one. When
 * none is installed the run fails and says how to get it — it never silently skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPortal } from '../../scripts/portal.js';
import { installedBinary } from '../helpers/process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    portalBuild: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const chromium = process.env.CHROMIUM_PATH ?? installedBinary('chromium');
  if (!chromium)
    throw new Error(
      'The portal is tested in Chromium, and none is installed: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary).',
    );
  const outDir = mkdtempSync(join(tmpdir(), 'portal-build-'));
  await buildPortal(outDir);
  project.provide('portalBuild', outDir);
  project.provide('chromium', chromium);
  return () => rmSync(outDir, { recursive: true, force: true });
}
