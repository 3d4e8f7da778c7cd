import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version in bureaunet's package.json, found upwards from `from` (dist/apps/cli/src when built,
 * apps/cli/src in a spec), so an installed `bureaunet --version` says which release it is.
 */
export function packageVersion(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'bureaunet' && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look in the folder above
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}
