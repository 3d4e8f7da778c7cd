import { Logger, type INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIRECTORY_CHANGED_SUBJECT,
  ENROL_SUBJECT,
  RENEW_SUBJECT,
  type DirectoryChangedEvent,
  type EnrolResponse,
  type WireReply,
} from '@bureaunet/contracts';
import {
  bindEncryptionKey,
  certificateKid,
  decryptEnvelopeContent,
  exportPublicKeyPem,
  generateBureauKeys,
  jweRecipientKids,
  parseEnvelope,
  sealEnvelope,
  signRenewalRequest,
  verifyEnvelopeSignature,
} from '@bureaunet/crypto';
import { DirectoryClient } from '@bureaunet/directory';
import {
  buildSigningCsr,
  encryptionKeyFor,
  IdentityRenewer,
  loadOrEnrolIdentity,
  type BureauIdentity,
} from '@bureaunet/identity';
import { bootstrapService } from '@bureaunet/platform';
import { startNatsServer, waitFor, type RunningNatsServer } from '@bureaunet/testing';
import { BusClient, JetStreamServer, NATS_CONNECTION } from '@bureaunet/transport';
import { NatsEventLog } from '../../testing/nats-event.log';
import { OpensslCli } from '../../testing/openssl.cli';
import { caFilesIn } from '../pki/ca.repository';
import type { RegistryConfig } from '../registry.config';
import { RegistryModule } from '../registry.module';

jest.setTimeout(60_000);

const ADMIN_TOKEN = 'renewal-admin-token-0123456789';
const DAY_MS = 24 * 60 * 60 * 1000;
const POLICY = { renewBeforeDays: 60, warnBeforeDays: 30, checkIntervalMs: 60_000 };

describe('certificate renewal (real registry, SQLite and nats-server)', () => {
  let nats: RunningNatsServer;
  let dir: string;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;
  let bus: BusClient;
  let events: NatsEventLog;
  let openssl: OpensslCli;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-renewal-'));
    const config: RegistryConfig = {
      port: 0,
      dataDir: join(dir, 'registry'),
      natsUrl: nats.url,
      adminToken: ADMIN_TOKEN,
      caFiles: caFilesIn(join(dir, 'no-certs-here')),
      heartbeatMs: 100,
      certValidityDays: 30,
      certOverlapDays: 2,
    };
    ({ app, url } = await bootstrapService({
      name: 'registry',
      module: RegistryModule.forRoot(config, { clock }),
      port: 0,
      microservice: (nest) => new JetStreamServer({ connection: () => nest.get(NATS_CONNECTION), consumers: [] }),
    }));
    nc = await connect({ servers: nats.url });
    bus = new BusClient(nc);
    events = new NatsEventLog(nc, [DIRECTORY_CHANGED_SUBJECT]);
    await nc.flush();
    openssl = new OpensslCli();
  });

  afterAll(async () => {
    openssl?.dispose();
    await app?.close();
    await nc?.close();
    await nats?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    offsetMs = 0;
  });

  async function enrol(code: string): Promise<{ identity: BureauIdentity; dataDir: string; renewer: IdentityRenewer }> {
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
    });
    return { identity, dataDir, renewer };
  }

  function directoryAs(identity: BureauIdentity): DirectoryClient {
    const directory = new DirectoryClient(bus, identity, { stalenessMs: 365 * DAY_MS }, clock);
    directory.onModuleInit();
    return directory;
  }

  async function renewRaw(body: unknown): Promise<WireReply<EnrolResponse>> {
    return (await nc.request(RENEW_SUBJECT, JSON.stringify(body), { timeout: 10_000 })).json<
      WireReply<EnrolResponse>
    >();
  }

  it('renews once the certificates enter their renewal window: new certificates openssl verifies, the old ones honoured, none revoked', async () => {
    const fr = await enrol('FR');
    const before = { signing: fr.identity.signing, encryption: fr.identity.encryption };
    const directory = directoryAs(fr.identity);
    // 30-day certificates: the window opens a third of the lifetime before expiry, at day 20.
    expect(await fr.renewer.renewIfDue()).toBe(false);
    offsetMs = 21 * DAY_MS;
    const mark = events.mark();
    expect(await fr.renewer.renewIfDue()).toBe(true);

    expect(fr.identity.signing.kid).not.toBe(before.signing.kid);
    expect(fr.identity.signing.publicKey.equals(before.signing.publicKey)).toBe(false);
    expect(
      await events.next<DirectoryChangedEvent>(DIRECTORY_CHANGED_SUBJECT, mark, (event) => event.code === 'FR'),
    ).toMatchObject({ change: 'renewed' });
    const entry = await waitFor(
      async () => ((await directory.entry('FR'))?.previousCertificates ? directory.entry('FR') : undefined),
      { what: 'FR renewed in the directory' },
    );
    expect(entry.signingCertificate).toBe(fr.identity.signing.certificate.toString());
    expect(entry.revokedSerials).toEqual([]);
    expect(entry.previousCertificates!.map((previous) => [previous.use, previous.certificate]).sort()).toEqual(
      [
        ['encryption', before.encryption.certificate.toString()],
        ['signing', before.signing.certificate.toString()],
      ].sort(),
    );
    const overlapEnd = clock.now().getTime() + 2 * DAY_MS;
    for (const previous of entry.previousCertificates!)
      expect(Math.abs(Date.parse(previous.until) - overlapEnd)).toBeLessThan(60_000);

    const ca = fr.identity.ca.toString();
    expect(openssl.verify(ca, fr.identity.signing.certificate.toString(), clock.now())).toMatch(/: OK\s*$/);
    expect(openssl.verify(ca, fr.identity.encryption.certificate.toString(), clock.now())).toMatch(/: OK\s*$/);
    // Due again only a third of the new lifetime before its expiry.
    expect(await fr.renewer.renewIfDue()).toBe(false);
  });

  it('stores the renewed identity: a restart loads the new keys and keeps the replaced encryption key', async () => {
    const de = await enrol('DE');
    const replaced = de.identity.encryption.kid;
    offsetMs = 21 * DAY_MS;
    await de.renewer.renew();
    const reloaded = await loadOrEnrolIdentity({
      code: 'DE',
      dataDir: de.dataDir,
      enrol: () => Promise.reject(new Error('must not enrol again')),
      now: clock.now(),
    });
    expect(reloaded.signing.kid).toBe(de.identity.signing.kid);
    expect(reloaded.encryption.kid).toBe(de.identity.encryption.kid);
    expect(reloaded.previousEncryption!.map((key) => key.kid)).toEqual([replaced]);
    expect(readFileSync(join(de.dataDir, 'signing.crt.pem'), 'utf8')).toBe(de.identity.signing.certificate.toString());
  });

  it('accepts an envelope signed with the replaced key during the overlap, and refuses it afterwards', async () => {
    const [es, it_] = [await enrol('ES'), await enrol('IT')];
    const directory = directoryAs(it_.identity);
    const recipient = await directory.encryptionKey('IT');
    const now = clock.now();
    const inFlight = await sealEnvelope({
      payload: {
        id: randomUUID(),
        kind: 'message',
        from: 'ES',
        to: ['IT'],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + DAY_MS).toISOString(),
        meta: {},
      },
      body: { text: 'signed before the renewal' },
      recipients: [{ code: 'IT', kid: recipient.kid, key: recipient.key }],
      signer: { kid: es.identity.signing.kid, key: es.identity.signing.privateKey },
    });
    offsetMs = 21 * DAY_MS;
    await es.renewer.renew();
    await waitFor(async () => (await directory.entry('ES'))?.previousCertificates !== undefined, {
      what: 'ES renewed in the directory',
    });

    const parsed = parseEnvelope(inFlight.serialized);
    const key = await directory.signingKeyByKid('ES', parsed.header.kid);
    await expect(verifyEnvelopeSignature(parsed, key.key)).resolves.toBeUndefined();
    expect((await directory.signingKeyByKid('ES', es.identity.signing.kid)).kid).toBe(es.identity.signing.kid);

    offsetMs = 21 * DAY_MS + 2 * DAY_MS + 60_000;
    await expect(directory.signingKeyByKid('ES', parsed.header.kid)).rejects.toMatchObject({
      code: 'certificate-invalid',
    });
    await expect(directory.signingKeyByKid('ES', 'some-other-kid')).rejects.toMatchObject({
      code: 'certificate-invalid',
    });
  });

  it('opens a message sealed to the replaced encryption key', async () => {
    const [nl, be] = [await enrol('NL'), await enrol('BE')];
    const directory = directoryAs(be.identity);
    const recipient = await directory.encryptionKey('NL');
    const now = clock.now();
    const sealed = await sealEnvelope({
      payload: {
        id: randomUUID(),
        kind: 'message',
        from: 'BE',
        to: ['NL'],
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + DAY_MS).toISOString(),
        meta: {},
      },
      body: { text: 'sealed to the old key' },
      recipients: [{ code: 'NL', kid: recipient.kid, key: recipient.key }],
      signer: { kid: be.identity.signing.kid, key: be.identity.signing.privateKey },
    });
    offsetMs = 21 * DAY_MS;
    await nl.renewer.renew();
    const parsed = parseEnvelope(sealed.serialized);
    const current = nl.identity.encryption;
    await expect(
      decryptEnvelopeContent(parsed, { code: 'NL', kid: current.kid, privateKey: current.privateKey }),
    ).rejects.toMatchObject({ code: 'not-encrypted-for-recipient' });
    const key = encryptionKeyFor(nl.identity, jweRecipientKids(parsed));
    expect(key.kid).toBe(recipient.kid);
    expect(
      (await decryptEnvelopeContent(parsed, { code: 'NL', kid: key.kid, privateKey: key.privateKey })).body,
    ).toEqual({ text: 'sealed to the old key' });
  });

  it('refuses a request not signed by the current key, a stale one, one for the same keys, or for a bureau without certificates, and changes nothing', async () => {
    const pt = await enrol('PT');
    const keys = await generateBureauKeys();
    const claimsFor = async (newKeys = keys, iat = Math.floor(clock.now().getTime() / 1000)) => {
      const encryptionKey = exportPublicKeyPem(newKeys.encryption.publicKey);
      return {
        code: 'PT',
        signingCsr: await buildSigningCsr('PT', newKeys.signing),
        encryptionKey,
        encryptionKeyBinding: await bindEncryptionKey({
          code: 'PT',
          encryptionKeyPem: encryptionKey,
          signingKey: newKeys.signing.privateKey,
        }),
        iat,
      };
    };
    const current = { kid: pt.identity.signing.kid, key: pt.identity.signing.privateKey };
    const entryBefore = await directoryAs(pt.identity).entry('PT');

    const byStranger = await signRenewalRequest(await claimsFor(), { kid: current.kid, key: keys.signing.privateKey });
    expect(await renewRaw({ code: 'PT', request: byStranger })).toMatchObject({
      ok: false,
      error: { code: 'renewal-signature-invalid' },
    });
    const otherKid = await signRenewalRequest(await claimsFor(), { kid: 'not-the-current-kid', key: current.key });
    expect(await renewRaw({ code: 'PT', request: otherKid })).toMatchObject({
      ok: false,
      error: { code: 'renewal-key-unknown' },
    });
    const stale = await signRenewalRequest(
      await claimsFor(keys, Math.floor(clock.now().getTime() / 1000) - 3600),
      current,
    );
    expect(await renewRaw({ code: 'PT', request: stale })).toMatchObject({
      ok: false,
      error: { code: 'renewal-request-stale' },
    });
    const sameKeys = await signRenewalRequest(
      await claimsFor({
        signing: { ...pt.identity.signing },
        encryption: { ...pt.identity.encryption },
      }),
      current,
    );
    expect(await renewRaw({ code: 'PT', request: sameKeys })).toMatchObject({
      ok: false,
      error: { code: 'renewal-same-key' },
    });
    expect(
      await renewRaw({
        code: 'ZZ',
        request: await signRenewalRequest({ ...(await claimsFor()), code: 'ZZ' }, current),
      }),
    ).toMatchObject({ ok: false, error: { code: 'renewal-not-enrolled' } });
    expect(await renewRaw({ code: 'PT' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await directoryAs(pt.identity).entry('PT')).toEqual(entryBefore);

    // The request that renewed once cannot renew again: its signer is no longer current.
    const valid = await signRenewalRequest(await claimsFor(), current);
    expect(await renewRaw({ code: 'PT', request: valid })).toMatchObject({ ok: true });
    expect(await renewRaw({ code: 'PT', request: valid })).toMatchObject({
      ok: false,
      error: { code: 'renewal-key-unknown' },
    });
  });

  it('renews over HTTP too', async () => {
    const at = await enrol('AT');
    const keys = await generateBureauKeys();
    const encryptionKey = exportPublicKeyPem(keys.encryption.publicKey);
    const claims = {
      code: 'AT',
      signingCsr: await buildSigningCsr('AT', keys.signing),
      encryptionKey,
      encryptionKeyBinding: await bindEncryptionKey({
        code: 'AT',
        encryptionKeyPem: encryptionKey,
        signingKey: keys.signing.privateKey,
      }),
      iat: Math.floor(clock.now().getTime() / 1000),
    };
    const request = await signRenewalRequest(claims, {
      kid: at.identity.signing.kid,
      key: at.identity.signing.privateKey,
    });
    const response = await fetch(`${url}/api/pki/renew`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'AT', request }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as EnrolResponse;
    expect(new X509Certificate(body.signingCertificate).publicKey.equals(keys.signing.publicKey)).toBe(true);
    expect(certificateKid(new X509Certificate(body.signingCertificate))).not.toBe(at.identity.signing.kid);
  });
});
