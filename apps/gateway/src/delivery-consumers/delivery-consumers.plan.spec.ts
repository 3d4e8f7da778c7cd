import type { DirectoryEntry } from '@bureaunet/contracts';
import { deliveryConsumerSpecs, strayConsumers } from './delivery-consumers.plan';

const SETTINGS = { maxAckPending: 1_000, ackWaitMs: 30_000 };

const entry = (
  code: string,
  role: DirectoryEntry['role'] = 'bureau',
  status: DirectoryEntry['status'] = 'active',
): DirectoryEntry => ({ code, role, status, revokedSerials: [], version: 1 });

describe('delivery consumers plan', () => {
  it('gives each bureau and the hub one consumer on its own subject, none to the gateway, suspended bureaus included', () => {
    const specs = deliveryConsumerSpecs(
      [entry('MR'), entry('XG', 'gateway'), entry('XH', 'hub'), entry('DK', 'bureau', 'suspended'), entry('MR')],
      SETTINGS,
    );
    expect(specs.map((spec) => [spec.durable, spec.filterSubject])).toEqual([
      ['node-DK', 'bn.deliver.DK'],
      ['node-MR', 'bn.deliver.MR'],
      ['node-XH', 'bn.deliver.XH'],
    ]);
    expect(new Set(specs.map((spec) => spec.stream))).toEqual(new Set(['BN_DELIVERIES']));
  });

  it('states the hub’s ack wait and pending bound on every consumer', () => {
    const specs = deliveryConsumerSpecs([entry('MR'), entry('DK')], { maxAckPending: 100, ackWaitMs: 5_000 });
    expect(specs.map(({ ackWaitMs, maxAckPending }) => ({ ackWaitMs, maxAckPending }))).toEqual([
      { ackWaitMs: 5_000, maxAckPending: 100 },
      { ackWaitMs: 5_000, maxAckPending: 100 },
    ]);
  });

  it('names every consumer on the deliveries stream that no bureau owns', () => {
    const specs = deliveryConsumerSpecs([entry('MR'), entry('DK')], SETTINGS);
    expect(strayConsumers(['node-MR', 'spy', 'node-DK', 'node-FR'], specs)).toEqual(['spy', 'node-FR']);
  });
});
