import type { RegistryEvent } from '@bureaunet/contracts';
import { registryEventLogLine } from './registry-event.log-line';

const ID = '0b7f7a52-3c4e-4a8e-9a41-6d1f1b3e2c55';
const event = (type: string, data: Record<string, unknown>, code?: string): RegistryEvent => ({
  v: 1,
  id: ID,
  type,
  occurredAt: '2026-06-01T12:00:00.000Z',
  data,
  ...(code === undefined ? {} : { code }),
});

describe('registryEventLogLine', () => {
  it('names an enrolment by bureau, directory version and serials, without certificates or fingerprints', () => {
    const line = registryEventLogLine(
      event(
        'bureau-enrolled',
        {
          version: 3,
          certificates: [
            { use: 'signing', serial: '0a', sha256: 'ab'.repeat(32), notAfter: '2027-06-01T12:00:00.000Z' },
            { use: 'encryption', serial: '0b', sha256: 'cd'.repeat(32), notAfter: '2027-06-01T12:00:00.000Z' },
          ],
        },
        'FR',
      ),
    );
    expect(line).toEqual({ event: 'bureau.enrolled', id: ID, bureau: 'FR', version: 3, serials: ['0a', '0b'] });
  });

  it('lists the replaced serials of a renewal apart from the new ones', () => {
    const line = registryEventLogLine(
      event(
        'certificates-renewed',
        {
          version: 4,
          certificates: [{ use: 'signing', serial: '0c' }],
          previous: [{ use: 'signing', serial: '0a', overlapUntil: '2026-06-08T12:00:00.000Z' }],
        },
        'FR',
      ),
    );
    expect(line).toEqual({
      event: 'certificates.renewed',
      id: ID,
      bureau: 'FR',
      version: 4,
      serials: ['0c'],
      previousSerials: ['0a'],
    });
  });

  it('gives a suspension its status and a revocation its serials', () => {
    expect(
      registryEventLogLine(event('bureau-suspended', { version: 5, status: 'suspended', revokedSerials: [] }, 'FR')),
    ).toEqual({ event: 'bureau.suspended', id: ID, bureau: 'FR', version: 5, status: 'suspended', revokedSerials: [] });
  });

  it('gives a rules change its version, author and what changed, never the policy text or limits', () => {
    const line = registryEventLogLine(
      event('rules-changed', {
        rulesVersion: 2,
        author: 'admin',
        changed: ['policies'],
        policiesDigest: 'digest',
        limits: { perMinute: 60 },
        policies: 'permit(principal, action, resource);',
      }),
    );
    expect(line).toEqual({ event: 'rules.changed', id: ID, rulesVersion: 2, author: 'admin', changed: ['policies'] });
  });

  it('names a declaration and an operation by id', () => {
    expect(
      registryEventLogLine(
        event(
          'declaration-changed',
          { rulesVersion: 3, author: 'admin', change: 'added', declaration: { id: 'd-1', declarer: 'FR' } },
          'FR',
        ),
      ),
    ).toEqual({
      event: 'declaration.changed',
      id: ID,
      bureau: 'FR',
      rulesVersion: 3,
      author: 'admin',
      change: 'added',
      declaration: 'd-1',
    });
    expect(
      registryEventLogLine(
        event(
          'operation-changed',
          {
            rulesVersion: 4,
            author: 'coordinator',
            change: 'created',
            operation: { id: 'op-1', participants: ['DE'] },
          },
          'FR',
        ),
      ),
    ).toMatchObject({ event: 'operation.changed', bureau: 'FR', change: 'created', operation: 'op-1' });
  });
});
