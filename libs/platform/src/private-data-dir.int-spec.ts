import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExposedFileError, preparePrivateDataDir } from './private-data-dir';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('preparePrivateDataDir', () => {
  let root: string;
  const originalUmask = process.umask();
  const warnings: string[] = [];
  const logger = { warn: (line: string) => void warnings.push(line) };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bureaunet-private-'));
    warnings.length = 0;
  });

  afterEach(() => {
    process.umask(originalUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and makes what the process creates next 0600', () => {
    process.umask(0o022);
    const dir = join(root, 'var', 'node-MR');
    preparePrivateDataDir(dir, logger);
    writeFileSync(join(dir, 'node.sqlite'), 'x');
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(root, 'var'))).toBe(0o700);
    expect(modeOf(join(dir, 'node.sqlite'))).toBe(0o600);
    expect(warnings).toEqual([]);
  });

  it('repairs a database, its WAL and a folder left open to others, naming each', () => {
    const dir = join(root, 'gateway');
    // chmod, not the create mode: the process umask (another test's, or 077) would mask it.
    mkdirSync(join(dir, 'identity'), { recursive: true });
    for (const folder of [dir, join(dir, 'identity')]) chmodSync(folder, 0o755);
    for (const file of ['gateway.sqlite', 'gateway.sqlite-wal']) {
      writeFileSync(join(dir, file), 'x');
      chmodSync(join(dir, file), 0o644);
    }
    preparePrivateDataDir(dir, logger);
    expect([dir, join(dir, 'identity')].map(modeOf)).toEqual([0o700, 0o700]);
    expect(['gateway.sqlite', 'gateway.sqlite-wal'].map((file) => modeOf(join(dir, file)))).toEqual([0o600, 0o600]);
    expect(warnings).toHaveLength(4);
    expect(warnings).toContain(`${join(dir, 'gateway.sqlite')} was mode 0644, open to other users: now 0600`);
  });

  it('refuses to start on a private key readable by others, naming the file and its mode, and leaves it as found', () => {
    const key = join(root, 'signing.key.pem');
    writeFileSync(key, 'key');
    chmodSync(key, 0o640);
    expect(() => preparePrivateDataDir(root, logger)).toThrow(ExposedFileError);
    expect(() => preparePrivateDataDir(root, logger)).toThrow(
      `private key readable by other users: ${key} (mode 0640)`,
    );
    expect(modeOf(key)).toBe(0o640);
  });
});
