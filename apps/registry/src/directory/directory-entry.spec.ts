import { directoryEntrySchema } from '@bureaunet/contracts';
import { toDirectoryEntry, type CertificateRecord } from './directory-entry';

const BUREAU = { code: 'FR', role: 'bureau', status: 'active', version: 7 } as const;
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 12, minute));
const certificate = (
  serial: string,
  use: CertificateRecord['use'],
  minute: number,
  revoked = false,
): CertificateRecord => ({
  serial,
  use,
  pem: `PEM ${serial}`,
  createdAt: at(minute),
  revokedAt: revoked ? at(minute + 1) : null,
});

describe('toDirectoryEntry', () => {
  it('lists a registered bureau without certificates before it enrols', () => {
    const entry = toDirectoryEntry(BUREAU, []);
    expect(entry).toEqual({ code: 'FR', role: 'bureau', status: 'active', revokedSerials: [], version: 7 });
    expect(directoryEntrySchema.parse(entry)).toEqual(entry);
  });

  it('names the newest unrevoked certificate of each use as current, and every revoked serial', () => {
    const entry = toDirectoryEntry(BUREAU, [
      certificate('01', 'signing', 0, true),
      certificate('02', 'encryption', 0, true),
      certificate('03', 'signing', 5),
      certificate('04', 'encryption', 5),
      certificate('05', 'signing', 3),
    ]);
    expect(entry.signingCertificate).toBe('PEM 03');
    expect(entry.encryptionCertificate).toBe('PEM 04');
    expect(entry.revokedSerials).toEqual(['01', '02']);
  });

  it('has no current certificate once all are revoked', () => {
    const entry = toDirectoryEntry({ ...BUREAU, status: 'suspended' }, [
      certificate('0a', 'signing', 0, true),
      certificate('0b', 'encryption', 0, true),
    ]);
    expect(entry).toEqual({
      code: 'FR',
      role: 'bureau',
      status: 'suspended',
      revokedSerials: ['0a', '0b'],
      version: 7,
    });
  });
});
