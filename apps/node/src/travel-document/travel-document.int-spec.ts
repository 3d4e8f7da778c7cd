import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import {
  DomainError,
  HUB_CODE,
  SLTD_STREAM,
  sltdEntrySubject,
  travelDocumentChangeBodySchema,
  type SltdChange,
  type TravelDocumentRecord,
} from '@bureaunet/contracts';
import { certificateKid, generateBureauKeys } from '@bureaunet/crypto';
import {
  HttpError,
  NodeApiClient,
  startNatsServer,
  throwawayPostgresUrl,
  waitFor,
  type RunningNatsServer,
} from '@bureaunet/testing';
import { openRecord } from '@bureaunet/travel-document';
import { EvaluatorStandIn } from '../../testing/evaluator.stand-in';
import { GatewayStandIn } from '../../testing/gateway.stand-in';
import { RegistryStandIn } from '../../testing/registry.stand-in';
import { startNode, type RunningNode } from '../node.app';
import type { NodeConfig } from '../node.config';
import { OwnTravelDocumentEntity } from '../store/own-travel-document.entity';
import { postgresRowsText } from '../migrations/node.test-database';
import { ReceivedMessageEntity } from '../store/received-message.entity';

jest.setTimeout(90_000);

const tokenOf = (code: string, role: string) => `${role}-token-${code}-0123456789`;

const record = (documentNumber: string, overrides: Partial<TravelDocumentRecord> = {}): TravelDocumentRecord => ({
  documentNumber,
  issuingCountry: 'DK',
  documentType: 'passport',
  status: 'stolen',
  reportedAt: '2026-11-30T09:00:00.000Z',
  details: { familyName: 'Eriksson', givenNames: 'Anna', incidentPlace: 'Aarhus' },
  ...overrides,
});

interface ChangeAnswer {
  records: Array<{ documentNumber: string; version: number; withdrawn: boolean; lastEnvelopeId: string }>;
  envelopes: string[];
}

interface DatabasesStatus {
  countries: Array<{ issuingCountry: string; entries: number; withdrawn: number; unpublished: number }>;
  stream: { messages: number; lastSequence: number } | null;
}

/** The issuer's side and the hub's databases service in two real nodes, with the gateway and registry stood in. */
describe('travel-document records from the issuing bureau to the hub and onto BN_SLTD', () => {
  let dir: string;
  let nats: RunningNatsServer;
  let connection: NatsConnection;
  let jsm: JetStreamManager;
  let registry: RegistryStandIn;
  let gateway: GatewayStandIn;
  let evaluator: EvaluatorStandIn;
  let hub: RunningNode;
  let dk: RunningNode;
  let officer: NodeApiClient;
  let hubAdmin: NodeApiClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bureaunet-records-'));
    nats = await startNatsServer();
    connection = await connect({ servers: nats.url });
    jsm = await jetstreamManager(connection);
    registry = await RegistryStandIn.start(connection);
    const keys = await generateBureauKeys();
    const certs = await registry.enrolKeys('XG', 'gateway', {
      signing: keys.signing.publicKey,
      encryption: keys.encryption.publicKey,
    });
    gateway = await GatewayStandIn.start(connection, {
      signer: { kid: certificateKid(new X509Certificate(certs.signingCertificate)), key: keys.signing.privateKey },
      broadcastCodes: () => registry.broadcastCodes(),
      bureaus: [HUB_CODE, 'DK'],
    });
    evaluator = await EvaluatorStandIn.create();
    hub = await startTestNode(HUB_CODE);
    dk = await startTestNode('DK');
    officer = new NodeApiClient(dk.url, tokenOf('DK', 'officer'));
    hubAdmin = new NodeApiClient(hub.url, tokenOf(HUB_CODE, 'admin'));
  });

  afterAll(async () => {
    for (const node of [dk, hub]) await node?.app.close();
    gateway?.stop();
    registry?.stop();
    await connection?.drain();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startTestNode(code: string): Promise<RunningNode> {
    const config: NodeConfig = {
      code,
      port: 0,
      natsUrl: nats.url,
      nats: {},
      dataDir: join(dir, `node-${code}`),
      databaseUrl: await throwawayPostgresUrl(`node_${code}`),
      enrolmentToken: `test-enrolment-token-${code}`,
      roleTokens: ['officer', 'admin'].map((role) => `${role}:${tokenOf(code, role)}`).join(','),
      directoryStalenessMs: 600_000,
      hitDeadlineMs: 600_000,
      hitSweepIntervalMs: 5_000,
      messageTtlMs: 3_600_000,
      consumerWaitMs: 10_000,
      clockSkewMs: 120_000,
      deadLetterAfter: 5,
      deadLetterLimit: 10_000,
      republishIntervalMs: 500,
      reportDeadlineMs: 60_000,
      receiptDeadlineMs: 3_600_000,
      republishMaxAttempts: 6,
    };
    return startNode(config, { evaluator });
  }

  /** The hub's status once every entry of DK's is held and on the stream. */
  function hubHolds(entries: number, withdrawn: number): Promise<DatabasesStatus> {
    return waitFor(
      async () => {
        const status = await hubAdmin.call<DatabasesStatus>('GET', '/api/databases/status');
        const dkCounts = status.countries.find((counts) => counts.issuingCountry === 'DK');
        return dkCounts?.entries === entries && dkCounts.withdrawn === withdrawn && dkCounts.unpublished === 0
          ? status
          : undefined;
      },
      { what: `the hub holding ${entries} entries and ${withdrawn} withdrawals of DK, published` },
    );
  }

  const lastOnStream = async (number: string): Promise<SltdChange | undefined> => {
    const index = evaluator.keysOf(number, 'DK').index.toString('hex');
    return (await jsm.streams.getMessage(SLTD_STREAM, { last_by_subj: sltdEntrySubject('DK', index) }))?.json();
  };

  function opens(change: SltdChange, number: string): Omit<TravelDocumentRecord, 'documentNumber'> {
    if ('withdrawn' in change) throw new Error('a withdrawal has nothing to open');
    const keys = evaluator.keysOf(number, 'DK');
    return openRecord({
      entry: { ...change, index: keys.index, sealed: Buffer.from(change.sealed, 'base64url') },
      sealingKey: keys.sealingKey,
    });
  }

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => {
        if (!(error instanceof HttpError)) throw error;
        return { status: error.status, body: error.body };
      },
    );

  const reported = [record('L898902C3'), record('AB1234567', { status: 'lost' }), record('XK9920417')];
  const without = ({ documentNumber: _number, ...rest }: TravelDocumentRecord) => rest;

  it('sends the hub only sealed entries, which open with the key derived from each number', async () => {
    const answer = await officer.call<ChangeAnswer>('POST', '/api/travel-documents', { records: reported });
    expect(answer.envelopes).toHaveLength(1);
    expect(answer.records.map(({ documentNumber, version }) => [documentNumber, version])).toEqual(
      reported.map(({ documentNumber }) => [documentNumber, 1]),
    );
    expect(evaluator.calls).toEqual([{ issuingCountry: 'DK', count: 3 }]);

    const status = await hubHolds(3, 0);
    expect(status.stream?.messages).toBe(3);
    // The envelope as the hub decrypted it: only entries, each opening with its own number's key.
    const hubDb = hub.app.get(DataSource);
    const received = await hubDb.getRepository(ReceivedMessageEntity).findOneByOrFail({ id: answer.envelopes[0] });
    expect(received).toMatchObject({ kind: 'travel-document-record', from: 'DK', meta: { recordOwner: 'DK' } });
    const { changes } = travelDocumentChangeBodySchema.parse(received.body);
    for (const reportedRecord of reported) {
      const index = evaluator.keysOf(reportedRecord.documentNumber, 'DK').index.toString('hex');
      const change = changes.find((candidate) => candidate.index === index);
      expect(change).toMatchObject({ issuingCountry: 'DK', version: 1, status: reportedRecord.status });
      expect(opens(change!, reportedRecord.documentNumber)).toEqual(without(reportedRecord));
      expect(opens((await lastOnStream(reportedRecord.documentNumber))!, reportedRecord.documentNumber)).toEqual(
        without(reportedRecord),
      );
    }
    expect(JSON.stringify(received.body)).not.toMatch(/L898902C3|AB1234567|XK9920417/);
  });

  it('refuses a record of another issuer, or a number twice, naming the field, and stores nothing', async () => {
    const foreign = await refusal(
      officer.call('POST', '/api/travel-documents', {
        records: [record('NEW00001'), record('NEW00002', { issuingCountry: 'MR' })],
      }),
    );
    expect(foreign).toEqual({
      status: 400,
      body: { code: 'invalid-request', reason: expect.stringMatching(/^records\.1\.issuingCountry: must be DK/) },
    });
    const twice = await refusal(
      officer.call('POST', '/api/travel-documents', { records: [record('NEW00001'), record('NEW00001')] }),
    );
    expect(twice).toMatchObject({ status: 400, body: { reason: expect.stringContaining('records.1.documentNumber') } });
    const unnormalised = await refusal(officer.call('POST', '/api/travel-documents', { records: [record('ab-123')] }));
    expect(unnormalised).toMatchObject({
      status: 400,
      body: { reason: expect.stringContaining('records.0.documentNumber') },
    });
    const atHub = await refusal(
      new NodeApiClient(hub.url, tokenOf(HUB_CODE, 'officer')).call('POST', '/api/travel-documents', {
        records: [record('NEW00004', { issuingCountry: HUB_CODE })],
      }),
    );
    expect(atHub).toMatchObject({ status: 403, body: { code: 'bureau-only' } });
    expect(await dk.app.get(DataSource).getRepository(OwnTravelDocumentEntity).count()).toBe(3);
  });

  it("passes the evaluator's refusal on and stores nothing", async () => {
    const original = evaluator.outputs.bind(evaluator);
    evaluator.outputs = () =>
      Promise.reject(new DomainError('evaluator-unavailable', 'no evaluator answered in time', 'unavailable'));
    try {
      const answer = await refusal(officer.call('POST', '/api/travel-documents', { records: [record('NEW00003')] }));
      expect(answer).toEqual({ status: 503, body: { code: 'evaluator-unavailable', reason: expect.any(String) } });
    } finally {
      evaluator.outputs = original;
    }
    expect(await dk.app.get(DataSource).getRepository(OwnTravelDocumentEntity).count()).toBe(3);
  });

  it('changes and withdraws at the next version: the stream holds only the newest of each', async () => {
    const changed = await officer.call<ChangeAnswer>('POST', '/api/travel-documents', {
      records: [record('L898902C3', { status: 'recovered' })],
    });
    expect(changed.records[0]).toMatchObject({ documentNumber: 'L898902C3', version: 2, withdrawn: false });
    const withdrawn = await officer.call<ChangeAnswer>('DELETE', '/api/travel-documents/XK9920417');
    expect(withdrawn.records[0]).toMatchObject({ documentNumber: 'XK9920417', version: 2, withdrawn: true });

    const status = await hubHolds(2, 1);
    expect(status.stream?.messages).toBe(3);
    const recovered = await lastOnStream('L898902C3');
    expect(recovered).toMatchObject({ version: 2, status: 'recovered' });
    expect(opens(recovered!, 'L898902C3')).toEqual(without(record('L898902C3', { status: 'recovered' })));
    expect(await lastOnStream('XK9920417')).toEqual({
      index: evaluator.keysOf('XK9920417', 'DK').index.toString('hex'),
      issuingCountry: 'DK',
      version: 2,
      withdrawn: true,
    });

    expect(await refusal(officer.call('DELETE', '/api/travel-documents/XK9920417'))).toMatchObject({
      status: 409,
      body: { code: 'travel-document-withdrawn' },
    });
    expect(await refusal(officer.call('DELETE', '/api/travel-documents/NOSUCH1'))).toMatchObject({
      status: 404,
      body: { code: 'travel-document-not-found' },
    });
    expect(await officer.call('GET', '/api/travel-documents/XK9920417')).toMatchObject({ version: 2, withdrawn: true });
    const page = await officer.call<{ items: Array<{ documentNumber: string }>; next: string | null }>(
      'GET',
      '/api/travel-documents?limit=2',
    );
    expect(page).toMatchObject({
      items: [{ documentNumber: 'AB1234567' }, { documentNumber: 'L898902C3' }],
      next: 'L898902C3',
    });
    const rest = await officer.call<{ items: Array<{ documentNumber: string }>; next: string | null }>(
      'GET',
      '/api/travel-documents?limit=2&after=L898902C3',
    );
    expect(rest).toMatchObject({ items: [{ documentNumber: 'XK9920417' }], next: null });
  });

  it('carries a report larger than one envelope in several, all stored before the answer', async () => {
    const many = Array.from({ length: 250 }, (_, at) => record(`BULK${String(at).padStart(5, '0')}`));
    const answer = await officer.call<ChangeAnswer>('POST', '/api/travel-documents', { records: many });
    expect(answer.envelopes).toHaveLength(2);
    expect(new Set(answer.records.map((row) => row.lastEnvelopeId))).toEqual(new Set(answer.envelopes));
    const status = await hubHolds(252, 1);
    expect(status.stream?.messages).toBe(253);
  });

  it("places the issuer's own replica consumer on its resync at start: its replica reads the whole current index and answers a check from it", async () => {
    const status = await hubHolds(252, 1);
    const replica = await waitFor(
      async () => {
        const now = await officer.call<{ appliedSequence: number; resync: string }>('GET', '/api/checks/replica');
        return now.resync === 'done' && now.appliedSequence >= (status.stream?.lastSequence ?? Infinity)
          ? now
          : undefined;
      },
      { what: "DK's replica caught up with BN_SLTD" },
    );
    expect(replica.appliedSequence).toBe(status.stream?.lastSequence);
    const lost = await officer.call<{ outcome: string; hit?: { status: string; owner: string } }>(
      'POST',
      '/api/checks/document',
      { documentNumber: 'AB1234567', issuingCountry: 'DK' },
    );
    expect(lost).toMatchObject({ outcome: 'hit', hit: { status: 'lost', owner: 'DK' } });
    const withdrawn = await officer.call<{ outcome: string }>('POST', '/api/checks/document', {
      documentNumber: 'XK9920417',
      issuingCountry: 'DK',
    });
    expect(withdrawn.outcome).toBe('no-hit');
  });

  it("keeps no document number in the hub's database", async () => {
    const numbers = ['L898902C3', 'AB1234567', 'XK9920417', 'BULK00042'];
    const hubDatabase = hub.app.get(DataSource);
    if (hubDatabase.options.type === 'postgres') {
      const text = await postgresRowsText(hubDatabase);
      for (const number of numbers) {
        const found = text.includes(number) || text.includes(Buffer.from(number).toString('hex'));
        expect({ number, found }).toEqual({ number, found: false });
      }
      return;
    }
    const hubDir = join(dir, `node-${HUB_CODE}`);
    const files = readdirSync(hubDir).filter((name) => name.startsWith('node.sqlite'));
    expect(files).toContain('node.sqlite');
    const bytes = Buffer.concat(files.map((name) => readFileSync(join(hubDir, name))));
    for (const number of numbers)
      expect({ number, found: bytes.includes(Buffer.from(number)) }).toEqual({ number, found: false });
  });
});
