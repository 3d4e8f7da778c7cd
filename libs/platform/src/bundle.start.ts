import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { READY_EVENT } from './ready-line';

/** What became of the code cache at this start (the spec reads it; a service ignores it). */
export type CodeCacheUse = 'used' | 'absent' | 'stale' | 'rejected';

const DIGEST_BYTES = 32;

/**
 * Runs a service's bundle (dist/services/<app>.bundle.js) as Node runs a main module, with a V8
 * code cache beside it (`<bundle>.v8-cache`): V8 then skips parsing and compiling what an earlier
 * start compiled, about 40% of a start's CPU (docs/performance.md). Node 22's
 * module.enableCompileCache does this; Node 20 has nothing of the kind.
 *
 * The cache opens with the bundle's SHA-256: V8 checks only its own version, flags and the source's
 * length, so a rebuilt bundle of the same length would otherwise run old code. It is written once
 * the service is ready (so it holds what start-up compiled), to a temporary file renamed into
 * place; a cache that cannot be written (a read-only image) only makes every start slower.
 */
export function startBundle(bundle: string): CodeCacheUse {
  const source = readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  const cacheFile = `${bundle}.v8-cache`;
  const cached = readCache(cacheFile, digest);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cached?.data });
  const use: CodeCacheUse = !cached
    ? 'absent'
    : cached.stale
      ? 'stale'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  if (use !== 'used') process.once(READY_EVENT, () => writeCache(cacheFile, digest, script));
  const main = new Module(bundle);
  main.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(main.exports, main.exports, createRequire(bundle), main, bundle, dirname(bundle));
  return use;
}

function readCache(cacheFile: string, digest: Buffer): { data?: Buffer; stale: boolean } | undefined {
  let content: Buffer;
  try {
    content = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const fresh = content.length > DIGEST_BYTES && content.subarray(0, DIGEST_BYTES).equals(digest);
  return fresh ? { data: content.subarray(DIGEST_BYTES), stale: false } : { stale: true };
}

function writeCache(cacheFile: string, digest: Buffer, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]), { mode: 0o644 });
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}
