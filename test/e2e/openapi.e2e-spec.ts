import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@bureaunet/testing';

/**
 * The committed OpenAPI documents and the client types made of them (libs/api-clients/src/openapi/)
 * are what the built services publish: the script starts them, asks each for /api/docs-json, and
 * compares. Fails after any API change until `npm run openapi` is run and its result committed.
 */
describe('OpenAPI documents and client types', () => {
  it('match what the running registry, gateway, evaluator and node publish', async () => {
    const script = join(repoRoot(), 'dist/scripts/openapi-documents.js');
    const outcome = await promisify(execFile)(process.execPath, [script, '--check'], { cwd: repoRoot() }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string; message: string }) => ({
        code: error.code,
        stderr: error.stderr || error.message,
      }),
    );
    expect(outcome).toEqual({ code: 0, stderr: '' });
  });
});
