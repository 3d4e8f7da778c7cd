import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CA_TRUST_SUBJECT, ENROL_SUBJECT, RENEW_SUBJECT, type CaTrust, type EnrolResponse } from '@bureaunet/contracts';
import { DirectoryClient } from '@bureaunet/directory';
import { IdentityRenewer, loadOrEnrolIdentity, type BureauIdentity } from '@bureaunet/identity';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { OpensslCli } from '../../testing/openssl.cli';
import { CaRepository, caFilesIn, type CaFiles } from '../pki/ca.repository';
import { createRootCa } from '../pki/root-ca';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';

jest.setTimeout(90_000);

const ADMIN_TOKEN = 'rotation-admin-token-0123456789';
const POLICY = { renewBeforeDays: 60, warnBeforeDays: 30, checkIntervalMs: 60_000 };

interface Bureau {
  identity: BureauIdentity;
  dataDir: string;
  renewer: IdentityRenewer;
  directory: DirectoryClient;
}

describe('CA rotation: trust both, renew under the new CA, retire the old one (real registry, SQLite, nats-server)', () => {
  let nats: RunningNatsServer;
  let dir: string;
  let app: INestApplication | undefined;
  let url: string;
  let nc: NatsConnection;
  let bus: BusClient;
  let openssl: OpensslCli;
  let oldCa: CaFiles;
  let newCa: CaFiles;
  const clock = { now: () => new Date() };
  const pem = (files: CaFiles) => new CaRepository().read(files).certificatePem;

  /** (Re)starts the registry on the same data directory, issuing with `issuing`, trusting `previous` too. */
  async function startRegistry(issuing: CaFiles, previous?: CaFiles): Promise<void> {
    await app?.close();
    const config: RegistryConfig = {
      port: 0,
      dataDir: join(dir, 'registry'),
      natsUrl: nats.url,
      adminToken: ADMIN_TOKEN,
      caFiles: issuing,
      ...(previous ? { caPrevious: previous } : {}),
      heartbeatMs: 100,
      certValidityDays: 365,
    };
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config, { clock }),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
  }

  async function enrol(code: string): Promise<Bureau> {
    const response = await fetch(`${url}/api/admin/enrolment-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    const { token } = (await response.json()) as { token: string };
    const dataDir = join(dir, `node-${code}`);
    const identity = await loadOrEnrolIdentity({
      code,
      dataDir,
      enrolmentToken: token,
      enrol: (request) => bus.request<EnrolResponse>(ENROL_SUBJECT, request),
    });
    const renewer = new IdentityRenewer({
      identity,
      dataDir,
      clock,
      policy: POLICY,
      renew: (request) => bus.request<EnrolResponse>(RENEW_SUBJECT, request),
      trust: () => bus.request<CaTrust>(CA_TRUST_SUBJECT, {}),
    });
    const directory = new DirectoryClient(bus, identity, { stalenessMs: 60_000 }, clock);
    directory.onModuleInit();
    return { identity, dataDir, renewer, directory };
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-rotation-'));
    oldCa = caFilesIn(join(dir, 'ca-2026'));
    newCa = caFilesIn(join(dir, 'ca-2027'));
    const repository = new CaRepository();
    repository.write(oldCa, await createRootCa({ now: new Date(), randomBytes }));
    repository.write(newCa, await createRootCa({ now: new Date(), randomBytes }));
    nc = await connect({ servers: nats.url });
    bus = new BusClient(nc);
    openssl = new OpensslCli();
  });

  afterAll(async () => {
    openssl?.dispose();
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('moves a network from one CA to another without refusing anyone on the way', async () => {
    await startRegistry(oldCa);
    const [fr, de] = [await enrol('FR'), await enrol('DE')];
    await enrol('IT');
    expect(await fr.renewer.renewIfDue()).toBe(false);

    // 1. Rotate: the registry issues with the new CA, trusts the old one and links the two.
    await startRegistry(newCa, oldCa);
    const trust = await bus.request<CaTrust>(CA_TRUST_SUBJECT, {});
    expect(trust).toMatchObject({ issuing: pem(newCa), previous: [pem(oldCa)] });
    expect(openssl.verify(pem(oldCa), trust.link!, clock.now())).toMatch(/: OK\s*$/);
    expect(await (await fetch(`${url}/api/pki/trust`)).json()).toEqual(trust);

    // 2. A bureau follows at its next look: it adopts the new CA on the link and renews under it at once.
    expect(await fr.renewer.renewIfDue()).toBe(true);
    expect(fr.identity.ca.toString()).toBe(new X509Certificate(pem(newCa)).toString());
    expect(fr.identity.previousCas!.map(String)).toEqual([new X509Certificate(pem(oldCa)).toString()]);
    expect(openssl.verify(pem(newCa), fr.identity.signing.certificate.toString(), clock.now())).toMatch(/: OK\s*$/);
    expect(openssl.verify(pem(newCa), fr.identity.encryption.certificate.toString(), clock.now())).toMatch(/: OK\s*$/);

    // 3. Meanwhile both sides still check each other: DE (old CA only) follows the list on meeting FR's new certificate.
    expect((await de.directory.signingKey('FR')).kid).toBe(fr.identity.signing.kid);
    expect(de.identity.ca.toString()).toBe(new X509Certificate(pem(newCa)).toString());
    expect((await fr.directory.signingKey('DE')).kid).toBe(de.identity.signing.kid);
    expect(await de.renewer.renewIfDue()).toBe(true);

    // The renewed identity survives a restart with both CAs trusted.
    const reloaded = await loadOrEnrolIdentity({
      code: 'FR',
      dataDir: fr.dataDir,
      enrol: () => Promise.reject(new Error('must not enrol again')),
    });
    expect(reloaded.ca.toString()).toBe(fr.identity.ca.toString());
    expect(reloaded.previousCas!.map(String)).toEqual(fr.identity.previousCas!.map(String));

    // 4. Retire the old CA: restart without it. Bureaus drop it; IT, which never renewed, is no longer trusted.
    await startRegistry(newCa);
    expect(await bus.request<CaTrust>(CA_TRUST_SUBJECT, {})).toEqual({ issuing: pem(newCa), previous: [] });
    expect(await fr.renewer.followCaTrust()).toBe('retired');
    expect(fr.identity.previousCas).toEqual([]);
    await expect(fr.directory.signingKey('IT')).rejects.toMatchObject({ code: 'certificate-invalid' });
  });

  it('does not adopt a CA that the trusted one did not link to', async () => {
    await startRegistry(newCa);
    const pt = await enrol('PT');
    const rogue = await createRootCa({ now: new Date(), randomBytes });
    const renewer = new IdentityRenewer({
      identity: pt.identity,
      dataDir: pt.dataDir,
      clock,
      policy: POLICY,
      renew: () => Promise.reject(new Error('must not renew')),
      trust: () => Promise.resolve({ issuing: rogue.certificatePem, previous: [] }),
    });
    await expect(renewer.followCaTrust()).rejects.toMatchObject({ code: 'certificate-invalid' });
    expect(pt.identity.ca.toString()).toBe(new X509Certificate(pem(newCa)).toString());
  });
});
