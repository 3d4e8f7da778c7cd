import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaFilesExistError, CaRepository, caFilesIn } from './ca.repository';

const MATERIAL = { certificatePem: 'CERT\n', privateKeyPem: 'KEY\n' };

describe('CaRepository', () => {
  let dir: string;
  const repository = new CaRepository();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-ca-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the key owner-only, creating the directory, and reads both back', () => {
    const files = caFilesIn(join(dir, 'nested', 'certs'));
    expect(repository.presence(files)).toBe('none');
    repository.write(files, MATERIAL);
    expect(statSync(files.privateKey).mode & 0o777).toBe(0o600);
    expect(repository.presence(files)).toBe('both');
    expect(repository.read(files)).toEqual(MATERIAL);
  });

  it('refuses to overwrite either file, and leaves it as it was', () => {
    const files = caFilesIn(dir);
    writeFileSync(files.certificate, 'EXISTING');
    expect(repository.presence(files)).toBe('partial');
    expect(() => repository.write(files, MATERIAL)).toThrow(CaFilesExistError);
    expect(readFileSync(files.certificate, 'utf8')).toBe('EXISTING');
    expect(repository.presence(files)).toBe('partial');
  });
});
