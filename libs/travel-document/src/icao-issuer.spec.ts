import { BUREAU_CODE_PATTERN, GATEWAY_CODE, HUB_CODE } from '@bureaunet/contracts';
import { icaoToBureauCode } from './icao-issuer';
import { ISO_3166_ALPHA3_TO_ALPHA2 } from './iso-3166.data';
import { TravelDocumentError } from './travel-document.errors';

function refusal(code: string): TravelDocumentError {
  try {
    icaoToBureauCode(code);
  } catch (error) {
    if (error instanceof TravelDocumentError) return error;
    throw error;
  }
  throw new Error(`expected ${code} to be refused`);
}

describe('icaoToBureauCode', () => {
  it.each([
    ['DNK', 'DK'],
    ['MRT', 'MR'],
    ['FRA', 'FR'],
    ['ITA', 'IT'],
    ['DEU', 'DE'],
    ['D', 'DE'],
    ['D<<', 'DE'],
    ['GBR', 'GB'],
    ['GBD', 'GB'],
  ])('%s is %s', (icao, bureau) => {
    expect(icaoToBureauCode(icao)).toBe(bureau);
  });

  it.each([
    ['UTO', 'issuingCountry UTO is Utopia, the ICAO 9303 specimen state: no bureau reports for it'],
    ['XPO', 'issuingCountry XPO is INTERPOL, an organisation: no bureau reports for it'],
    ['EUE', 'issuingCountry EUE is the European Union, an organisation: no bureau reports for it'],
    ['XXA', 'issuingCountry XXA is a stateless person, a nationality code: no bureau reports for it'],
    ['RKS', 'issuingCountry RKS is Kosovo, which has no ISO 3166-1 code and no bureau: no bureau reports for it'],
  ])('refuses %s as not a member', (icao, message) => {
    expect([refusal(icao).code, refusal(icao).message]).toEqual(['issuer-not-member', message]);
  });

  it.each(['ZZZ', 'DE', 'XH', 'constructor', ''])('refuses %j as unknown', (icao) => {
    expect(refusal(icao).code).toBe('issuer-unknown');
  });

  it('names the field it was asked about', () => {
    expect(() => icaoToBureauCode('XXA', 'nationality')).toThrow(/^nationality XXA is a stateless person/);
  });

  it('holds all 249 ISO 3166-1 countries, one bureau code each, none in the range the hub and gateway use', () => {
    const entries = Object.entries(ISO_3166_ALPHA3_TO_ALPHA2);
    expect(entries).toHaveLength(249);
    expect(new Set(entries.map(([, alpha2]) => alpha2)).size).toBe(249);
    for (const [alpha3, alpha2] of entries) {
      expect(alpha3).toMatch(/^[A-Z]{3}$/);
      expect(alpha2).toMatch(BUREAU_CODE_PATTERN);
      expect(alpha2).not.toMatch(/^X/);
      expect(icaoToBureauCode(alpha3)).toBe(alpha2);
    }
    expect(entries.map(([, alpha2]) => alpha2)).not.toContain(HUB_CODE);
    expect(entries.map(([, alpha2]) => alpha2)).not.toContain(GATEWAY_CODE);
  });
});
