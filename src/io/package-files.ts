import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (where package.json and the bundled events.json live), found by
 * walking up from this module: the same code runs from src/ under the tests and from the
 * bundle in dist/, at different depths.
 */
function findPackageRoot(): string {
  // import.meta.dirname: Node 20.11 and later, and __dirname in the CommonJS bundles (the
  // build defines it), which spares a query turning a path into a URL and back.
  let dir = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** The dataset shipped with the package. */
export const BUNDLED_DATASET = join(PACKAGE_ROOT, 'events.json');

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
