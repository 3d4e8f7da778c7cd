import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's root, found from here whether running from src/ (tests) or dist/ (built). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'bureaunet')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`bureaunet's package.json not found above ${from}`);
    dir = parent;
  }
}
