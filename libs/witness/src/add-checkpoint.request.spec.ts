import { formatAddCheckpointRequest, parseAddCheckpointRequest } from './add-checkpoint.request';
import { WitnessError } from './witness.errors';

// C2SP tlog-witness's example request body.
const checkpoint =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n' +
  '— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n';
const body =
  'old 20852014\n' +
  'PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n' +
  'jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n' +
  '5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n' +
  '/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n\n' +
  checkpoint;

describe('add-checkpoint request', () => {
  it("parses tlog-witness's example and formats it back", () => {
    const request = parseAddCheckpointRequest(body);
    expect(request.oldSize).toBe(20852014);
    expect(request.proof).toHaveLength(4);
    expect(request.checkpoint).toBe(checkpoint);
    expect(formatAddCheckpointRequest(request)).toBe(body);
  });

  it('parses an old size of zero with no proof', () => {
    expect(parseAddCheckpointRequest(`old 0\n\n${checkpoint}`)).toMatchObject({ oldSize: 0, proof: [] });
  });

  it.each([
    ['no empty line', 'old 0\n'],
    ['a leading zero', `old 01\n\n${checkpoint}`],
    ['a missing old line', `\n\n${checkpoint}`],
    ['a proof line that is not 32 bytes', `old 1\nAAAA\n\n${checkpoint}`],
    ['64 proof lines', `old 1\n${`${Buffer.alloc(32).toString('base64')}\n`.repeat(64)}\n${checkpoint}`],
  ])('refuses a body with %s', (_, text) => {
    expect(() => parseAddCheckpointRequest(text)).toThrow(expect.objectContaining({ code: 'malformed-request' }));
    expect(() => parseAddCheckpointRequest(text)).toThrow(WitnessError);
  });
});
