import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBundle } from './bundle.start';
import { READY_EVENT } from './ready-line';

/** A bundle that says it ran, and which version of it ran, in a file next to it. */
const bundleSource = (version: string) =>
  `require('node:fs').writeFileSync(require('node:path').join(__dirname, 'ran'), '${version}');\n`;

describe('startBundle', () => {
  let dir: string;
  let bundle: string;
  const ready = () => (process as EventEmitter).emit(READY_EVENT);
  const ran = () => readFileSync(join(dir, 'ran'), 'utf8');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-bundle-'));
    bundle = join(dir, 'service.bundle.js');
    writeFileSync(bundle, bundleSource('one'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as a main module, writes its code cache once the service is ready, and uses it the next time', () => {
    expect(startBundle(bundle)).toBe('absent');
    expect(ran()).toBe('one');
    expect(readdirSync(dir)).not.toContain('service.bundle.js.v8-cache');

    ready();
    const cache = readFileSync(`${bundle}.v8-cache`);
    expect(cache.subarray(0, 32)).toEqual(createHash('sha256').update(bundleSource('one')).digest());

    rmSync(join(dir, 'ran'));
    expect(startBundle(bundle)).toBe('used');
    expect(ran()).toBe('one');
    ready();
  });

  it('never runs an old cache for a rebuilt bundle of the same length, and writes the new one', () => {
    startBundle(bundle);
    ready();
    writeFileSync(bundle, bundleSource('two'));
    expect(bundleSource('two')).toHaveLength(bundleSource('one').length);

    expect(startBundle(bundle)).toBe('stale');
    expect(ran()).toBe('two');
    ready();
    expect(readFileSync(`${bundle}.v8-cache`).subarray(0, 32)).toEqual(
      createHash('sha256').update(bundleSource('two')).digest(),
    );
    expect(startBundle(bundle)).toBe('used');
    ready();
  });

  it('starts without a cache it cannot write, and leaves no temporary file', () => {
    mkdirSync(`${bundle}.v8-cache`);
    expect(startBundle(bundle)).toBe('absent');
    expect(() => ready()).not.toThrow();
    expect(ran()).toBe('one');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
