import type { DirectoryEntry } from '@bureaunet/contracts';
import { broadcastCodes, resolveRecipients } from './recipient.resolver';

const entry = (code: string, overrides: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  code,
  role: code === 'XH' ? 'hub' : code === 'XG' ? 'gateway' : 'bureau',
  status: 'active',
  signingCertificate: 'pem',
  encryptionCertificate: 'pem',
  revokedSerials: [],
  version: 1,
  ...overrides,
});

describe('resolveRecipients', () => {
  it('delivers to active, enrolled recipients that the content is encrypted for', () => {
    const outcomes = resolveRecipients({
      payload: { from: 'DK', to: ['MR', 'FR'] },
      candidates: [
        { code: 'MR', entry: entry('MR'), encryptionKid: 'k-MR' },
        { code: 'FR', entry: entry('FR'), encryptionKid: 'k-FR' },
      ],
      jweKids: ['k-MR', 'k-FR'],
    });
    expect(outcomes).toEqual([
      { code: 'MR', status: 'delivered' },
      { code: 'FR', status: 'delivered' },
    ]);
  });

  it('refuses each recipient it cannot deliver to individually with its own reason, and leaves status to the rules', () => {
    const outcomes = resolveRecipients({
      payload: { from: 'DK', to: ['DK', 'ZZ', 'MR', 'FR', 'XG', 'IT'] },
      candidates: [
        { code: 'DK', entry: entry('DK'), encryptionKid: 'k-DK' },
        { code: 'ZZ' },
        { code: 'MR', entry: entry('MR', { status: 'suspended' }), encryptionKid: 'k-MR' },
        { code: 'FR', entry: entry('FR'), encryptionKid: 'k-FR-new' },
        { code: 'XG', entry: entry('XG'), encryptionKid: 'k-XG' },
        { code: 'IT', entry: entry('IT'), encryptionKid: 'k-IT' },
      ],
      jweKids: ['k-MR', 'k-FR-old', 'k-IT'],
    });
    expect(
      outcomes.map((outcome) =>
        outcome.status === 'refused' ? `${outcome.code}:${outcome.refusal.code}` : `${outcome.code}:delivered`,
      ),
    ).toEqual([
      'DK:self-addressed',
      'ZZ:unknown-recipient',
      'MR:delivered',
      'FR:not-encrypted-for-recipient',
      'XG:unknown-recipient',
      'IT:delivered',
    ]);
  });

  it('counts a code named twice once', () => {
    const outcomes = resolveRecipients({
      payload: { from: 'DK', to: ['MR', 'MR'] },
      candidates: [
        { code: 'MR', entry: entry('MR'), encryptionKid: 'k' },
        { code: 'MR', entry: entry('MR'), encryptionKid: 'k' },
      ],
    });
    expect(outcomes).toHaveLength(1);
  });
});

describe('broadcastCodes', () => {
  it('addresses every enrolled bureau and the hub except the sender and the gateway', () => {
    const codes = broadcastCodes(
      [entry('DK'), entry('MR'), entry('XH'), entry('XG'), entry('FR', { encryptionCertificate: undefined })],
      'DK',
    );
    expect(codes).toEqual(['MR', 'XH']);
  });
});
