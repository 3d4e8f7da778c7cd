import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POPRF_SEED_FILE, PoprfSeedFileError, loadOrCreatePoprfSeed } from './poprf-seed.file';

describe('loadOrCreatePoprfSeed', () => {
  let root: string;
  let dir: string;
  const quiet = { log: jest.fn(), warn: jest.fn() };
  const seedOf = (byte: number) => () => new Uint8Array(32).fill(byte);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bureaunet-seed-'));
    dir = join(root, 'evaluator');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('makes a 32-byte seed at the first start, 0600 in a 0700 folder, and reads the same one after', () => {
    const made = loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(7), logger: quiet });
    expect(made).toEqual(new Uint8Array(32).fill(7));
    expect(statSync(join(dir, POPRF_SEED_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(new Uint8Array(readFileSync(join(dir, POPRF_SEED_FILE)))).toEqual(made);
    expect(loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(9), logger: quiet })).toEqual(made);
  });

  it('never writes the seed into a log line', () => {
    const logger = { log: jest.fn(), warn: jest.fn() };
    loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(0xab), logger });
    const logged = JSON.stringify([logger.log.mock.calls, logger.warn.mock.calls]);
    expect(logged).not.toMatch(/abab|q6ur|171,171/i);
  });

  it('refuses a seed file other users may read, naming it and leaving its mode as found', () => {
    loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(1), logger: quiet });
    const file = join(dir, POPRF_SEED_FILE);
    chmodSync(file, 0o644);
    expect(() => loadOrCreatePoprfSeed(dir, { logger: quiet })).toThrow(PoprfSeedFileError);
    expect(() => loadOrCreatePoprfSeed(dir, { logger: quiet })).toThrow(
      `${file} is readable by other users (mode 0644): treat the evaluator key as exposed and rotate it, or chmod 600 the file if you know nobody read it`,
    );
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it.each([0, 31, 33, 64])('refuses a seed file of %i bytes rather than derive another key', (size) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, POPRF_SEED_FILE);
    writeFileSync(file, new Uint8Array(size), { mode: 0o600 });
    expect(() => loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(2), logger: quiet })).toThrow(
      `${file} has ${size} bytes, a POPRF seed has 32: restore it from a backup (a new seed would be a new key)`,
    );
    expect(readFileSync(file).length).toBe(size);
  });

  it('refuses a seed that is a link or a folder', () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const elsewhere = join(root, 'elsewhere');
    writeFileSync(elsewhere, new Uint8Array(32), { mode: 0o600 });
    symlinkSync(elsewhere, join(dir, POPRF_SEED_FILE));
    expect(() => loadOrCreatePoprfSeed(dir, { logger: quiet })).toThrow(/is not a regular file/);
    rmSync(join(dir, POPRF_SEED_FILE));
    mkdirSync(join(dir, POPRF_SEED_FILE));
    expect(() => loadOrCreatePoprfSeed(dir, { logger: quiet })).toThrow(/is not a regular file/);
  });

  it('repairs a folder open to others (the seed in it is still 0600)', () => {
    loadOrCreatePoprfSeed(dir, { randomBytes: seedOf(3), logger: quiet });
    chmodSync(dir, 0o755);
    const logger = { log: jest.fn(), warn: jest.fn() };
    expect(loadOrCreatePoprfSeed(dir, { logger })).toEqual(new Uint8Array(32).fill(3));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('now 0700'));
  });
});
