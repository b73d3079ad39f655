/**
 * Files the gateway reads beside its code (the SDL in `schema/`, the registered operations): at the
 * project root, which is one level up from `src/` when run from source and two from the built `dist/src/`
 * (as in the image, where they are copied beside `dist/`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The path of `relative` under the project root; null when it is in neither place. */
export function projectPath(relative: string): string | null {
  for (const up of ['../', '../../']) {
    const candidate = fileURLToPath(new URL(`${up}${relative}`, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return null;
}
