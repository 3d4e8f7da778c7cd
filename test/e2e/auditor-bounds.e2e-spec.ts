import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@bureaunet/testing';

const run = promisify(execFile);

// Storage, framework and bus packages: none may be loaded by what verifies the ledger.
const UNTRUSTED = /[\\/]node_modules[\\/](typeorm|sqlite3|@nestjs|@nats-io|nestjs-[^\\/]+)[\\/]/;

// Loads one built module in a fresh Node with the given argv, and lists every file it loaded
// once the process exits (the auditor's main ends in process.exit).
const LIST_LOADED = `
const { writeSync } = require('node:fs');
const [script, ...args] = process.argv.slice(1);
process.on('exit', () => writeSync(1, '\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));
process.argv = [process.argv[0], script, ...args];
require(script);
`;

async function modulesLoadedBy(script: string, args: readonly string[] = []): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['-e', LIST_LOADED, script, ...args]);
  const line = stdout.split('\n').find((text) => text.startsWith('LOADED '));
  if (line === undefined) throw new Error(`no module list from ${script}: ${stdout}`);
  return JSON.parse(line.slice('LOADED '.length)) as string[];
}

describe('the auditor trusts no storage (the built code, as it runs)', () => {
  const dist = join(repoRoot(), 'dist');

  it('runs its main without loading TypeORM, SQLite, Nest or NATS', async () => {
    const loaded = await modulesLoadedBy(join(dist, 'apps', 'auditor', 'src', 'main.js'), ['help']);
    expect(loaded).toContain(join(dist, 'libs', 'ledger', 'src', 'index.js'));
    expect(loaded.filter((file) => UNTRUSTED.test(file))).toEqual([]);
  });

  it('keeps the pure ledger entry apart from its storage entry', async () => {
    const loaded = await modulesLoadedBy(join(dist, 'libs', 'ledger', 'src', 'index.js'));
    expect(loaded.filter((file) => UNTRUSTED.test(file) || file.includes(join('ledger', 'src', 'storage')))).toEqual(
      [],
    );
    const storage = await modulesLoadedBy(join(dist, 'libs', 'ledger', 'src', 'storage', 'index.js'));
    expect(storage.some((file) => UNTRUSTED.test(file))).toBe(true);
  });
});
