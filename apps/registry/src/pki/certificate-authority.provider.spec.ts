import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBureauKeys } from '@bureaunet/crypto';
import { CryptoRandomness } from '../randomness';
import type { RegistryConfig } from '../registry.config';
import { CaMaterialError } from './certificate-authority';
import { loadOrCreateCertificateAuthority } from './certificate-authority.provider';
import { CaRepository, caFilesIn } from './ca.repository';
import { PkiService } from './pki.service';
import { createRootCa } from './root-ca';

describe('loadOrCreateCertificateAuthority: which CA the registry issues with', () => {
  let dir: string;
  const repository = new CaRepository();
  const clock = { now: () => new Date('2026-06-01T12:00:00.000Z') };
  const randomness = new CryptoRandomness();

  const load = () =>
    loadOrCreateCertificateAuthority(
      { configured: caFilesIn(join(dir, 'certs')), dataDir: join(dir, 'data') },
      { repository, clock, randomness },
    );

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-pki-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the configured CA files when both exist, and writes nothing', async () => {
    const material = await createRootCa({ now: clock.now(), randomBytes });
    repository.write(caFilesIn(join(dir, 'certs')), material);
    expect((await load()).certificatePem).toBe(material.certificatePem);
    expect(repository.presence(caFilesIn(join(dir, 'data')))).toBe('none');
  });

  it('otherwise makes a CA in the data directory once, and loads it on the next start', async () => {
    const first = await load();
    expect(repository.presence(caFilesIn(join(dir, 'data')))).toBe('both');
    expect((await load()).certificatePem).toBe(first.certificatePem);
  });

  it('ignores configured files when only one exists', async () => {
    const material = await createRootCa({ now: clock.now(), randomBytes });
    repository.write(
      { certificate: caFilesIn(join(dir, 'certs')).certificate, privateKey: join(dir, 'elsewhere.key') },
      material,
    );
    expect((await load()).certificatePem).not.toBe(material.certificatePem);
  });

  it('refuses to start when the data directory holds only half a CA', async () => {
    const material = await createRootCa({ now: clock.now(), randomBytes });
    repository.write(
      { certificate: caFilesIn(join(dir, 'data')).certificate, privateKey: join(dir, 'elsewhere.key') },
      material,
    );
    await expect(load()).rejects.toThrow(CaMaterialError);
  });

  it('is what PkiService publishes and issues with, on its clock and validity', async () => {
    const authority = await load();
    const service = new PkiService(authority, { certValidityDays: 30 } as RegistryConfig, clock, randomness);
    expect(service.caCertificatePem()).toBe(authority.certificatePem);
    const keys = await generateBureauKeys();
    const issued = await service.issue('FR', {
      signing: keys.signing.publicKey,
      encryption: keys.encryption.publicKey,
    });
    expect(issued.signing.notAfter.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
