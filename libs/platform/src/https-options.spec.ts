import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHttpsOptions } from './https-options';

describe('readHttpsOptions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-https-'));
    writeFileSync(join(dir, 'cert.pem'), 'CERT');
    writeFileSync(join(dir, 'key.pem'), 'KEY');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is plain HTTP when neither file is named', () => {
    expect(readHttpsOptions({})).toBeUndefined();
  });

  it('reads both files when both are named', () => {
    expect(readHttpsOptions({ TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') })).toEqual({
      cert: Buffer.from('CERT'),
      key: Buffer.from('KEY'),
    });
  });

  it('refuses one without the other, naming the one that is set', () => {
    expect(() => readHttpsOptions({ TLS_CERT_FILE: join(dir, 'cert.pem') })).toThrow('only TLS_CERT_FILE is set');
    expect(() => readHttpsOptions({ TLS_KEY_FILE: join(dir, 'key.pem') })).toThrow('only TLS_KEY_FILE is set');
  });
});
