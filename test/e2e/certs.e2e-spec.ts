import { spawnSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@bureaunet/testing';
import { createRootCa, type CaMaterial } from '../../apps/registry/src/pki/root-ca';

/** `npm run certs` as the built script, in a scratch directory standing for the repository root. */
function runCerts(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = join(repoRoot(), 'dist', 'scripts', 'make-dev-certs.js');
  const env = { ...process.env };
  for (const name of ['CA_CERT_FILE', 'CA_KEY_FILE', 'REGISTRY_DATA_DIR']) delete env[name];
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('npm run certs never splits a network', () => {
  let dir: string;
  let networkCa: CaMaterial;

  beforeAll(async () => {
    networkCa = await createRootCa({ now: new Date(), randomBytes });
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-certs-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A network in var/ as `npm start` leaves it: the registry's own CA, and bureaus enrolled under `bureauCa`. */
  function enrolledNetwork(bureauCa: CaMaterial = networkCa): void {
    mkdirSync(join(dir, 'var', 'registry'), { recursive: true });
    writeFileSync(join(dir, 'var', 'registry', 'ca.crt'), networkCa.certificatePem);
    writeFileSync(join(dir, 'var', 'registry', 'ca.key'), networkCa.privateKeyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'var', 'registry', 'registry.sqlite'), '');
    mkdirSync(join(dir, 'var', 'node-MR'), { recursive: true });
    writeFileSync(join(dir, 'var', 'node-MR', 'ca.crt.pem'), bureauCa.certificatePem);
    mkdirSync(join(dir, 'var', 'gateway', 'identity'), { recursive: true });
    writeFileSync(join(dir, 'var', 'gateway', 'identity', 'ca.crt.pem'), networkCa.certificatePem);
  }

  it('makes a CA in certs/ where there is none and no network yet', () => {
    const run = runCerts(dir);
    expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining('wrote') });
    expect(new X509Certificate(readFileSync(join(dir, 'certs', 'ca.crt'))).ca).toBe(true);
    expect(statSync(join(dir, 'certs', 'ca.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses when certs/ already holds a CA, naming it, and leaves it as it was', () => {
    expect(runCerts(dir).status).toBe(0);
    const before = readFileSync(join(dir, 'certs', 'ca.crt'), 'utf8');
    const run = runCerts(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`already exist (the CA ${fingerprint(before)})`);
    expect(run.stderr).toContain('splits the network');
    expect(readFileSync(join(dir, 'certs', 'ca.crt'), 'utf8')).toBe(before);
  });

  it('refuses when var/ holds a network enrolled under another CA, naming where, and writes nothing', () => {
    enrolledNetwork();
    const run = runCerts(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^refusing: var\/ already holds a network enrolled under another CA: /);
    expect(run.stderr).toContain(
      `${join(dir, 'var', 'registry', 'ca.crt')} (${fingerprint(networkCa.certificatePem)})`,
    );
    expect(run.stderr).toContain(join(dir, 'var', 'node-MR', 'ca.crt.pem'));
    expect(run.stderr).toContain('npm run certs -- --migrate');
    expect(existsSync(join(dir, 'certs'))).toBe(false);
  });

  it('with --migrate, copies the network’s own CA to certs/ so that the registry keeps issuing under it', () => {
    enrolledNetwork();
    const run = runCerts(dir, '--migrate');
    expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining('no bureau needs to enrol again') });
    expect(readFileSync(join(dir, 'certs', 'ca.crt'), 'utf8')).toBe(networkCa.certificatePem);
    expect(readFileSync(join(dir, 'certs', 'ca.key'), 'utf8')).toBe(networkCa.privateKeyPem);
    expect(statSync(join(dir, 'certs', 'ca.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses to migrate a network whose bureaus trust different CAs, and an unknown option', async () => {
    enrolledNetwork(await createRootCa({ now: new Date(), randomBytes }));
    const run = runCerts(dir, '--migrate');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^refusing to migrate: these identities trust another CA than .*node-MR\/ca\.crt\.pem/);
    expect(existsSync(join(dir, 'certs'))).toBe(false);
    expect(runCerts(dir, '--force')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('unknown argument --force'),
    });
  });
});
