import { DataSource } from 'typeorm';
import type { EnvelopePayload } from '@bureaunet/contracts';
import type { BureauIdentity } from '@bureaunet/identity';
import { DeliveryRefusal } from '../delivery/delivery-refusal';
import { ConsentRequestEntity } from '../store/consent-request.entity';
import { ConsentRequestRepository } from '../store/consent-request.repository';
import { RecipientStateEntity } from '../store/recipient-state.entity';
import { SentMessageEntity } from '../store/sent-message.entity';
import { SentMessageRepository } from '../store/sent-message.repository';
import { ConsentArrivalRecorder, MAX_PENDING_CONSENTS_PER_ASKER } from './consent-arrival.recorder';
import { nodeTestDataSource } from '../migrations/node.test-database';

const AT = '2026-12-02T10:00:00.000Z';
const OWNED = 'owned-envelope';

function consentRequest(id: string, from: string): EnvelopePayload {
  return {
    v: 1,
    id,
    kind: 'consent-request',
    from,
    to: ['DK'],
    createdAt: AT,
    expiresAt: '2026-12-09T10:00:00.000Z',
    meta: { consent: { envelopeId: OWNED, purpose: 'evidence' } },
  };
}

describe('consent requests waiting on the owner are bounded per asking bureau (real SQLite, the migrations)', () => {
  let dataSource: DataSource;
  let requests: ConsentRequestRepository;
  let recorder: ConsentArrivalRecorder;
  const arrive = (id: string, from: string) =>
    dataSource.transaction((manager) => recorder.record(manager, consentRequest(id, from), {}, AT));

  beforeAll(async () => {
    dataSource = await nodeTestDataSource('consent_arrival');
    await dataSource.runMigrations();
    await dataSource.getRepository(SentMessageEntity).insert({
      id: OWNED,
      kind: 'message',
      to: ['MR', 'FR'],
      meta: { handling: { code: 'H1' } },
      envelope: Buffer.from('signed envelope'),
      digest: 'digest',
      createdAt: AT,
      expiresAt: '2026-12-09T10:00:00.000Z',
    });
    requests = new ConsentRequestRepository(dataSource.getRepository(ConsentRequestEntity));
    const sent = new SentMessageRepository(
      dataSource.getRepository(SentMessageEntity),
      dataSource.getRepository(RecipientStateEntity),
    );
    recorder = new ConsentArrivalRecorder(requests, sent, { code: 'DK' } as BureauIdentity);
  });

  afterAll(() => dataSource.destroy());

  it(`refuses the request past ${MAX_PENDING_CONSENTS_PER_ASKER} pending from one bureau, storing nothing of it, while another bureau still asks`, async () => {
    for (let index = 0; index < MAX_PENDING_CONSENTS_PER_ASKER; index++) await arrive(`mr-${index}`, 'MR');

    const refused = await arrive('mr-over', 'MR').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeliveryRefusal);
    expect(refused).toMatchObject({ code: 'too-many-pending' });
    expect((refused as Error).message).toContain(`MR already has ${MAX_PENDING_CONSENTS_PER_ASKER} consent requests`);
    expect(await requests.findById('mr-over')).toBeNull();

    await arrive('fr-1', 'FR');
    expect(await requests.findById('fr-1')).toMatchObject({ asker: 'FR', state: 'pending' });
  });

  it('takes the asking bureau’s requests again once the owner decided one', async () => {
    await dataSource.transaction((manager) =>
      requests.decide(manager, 'mr-0', {
        state: 'refused',
        decisionId: 'decision-0',
        decidedAt: AT,
        decidedBy: 'person:k.owner',
        expiresAt: null,
        reason: 'not for court use',
        bureaus: null,
      }),
    );
    await arrive('mr-again', 'MR');
    expect(await requests.findById('mr-again')).toMatchObject({ asker: 'MR', state: 'pending' });
  });
});
