import { entryValueText } from './entry-value.text';

describe('entryValueText', () => {
  it('shows a string as itself and any other JSON value as JSON', () => {
    expect(entryValueText('01936f0e-4c1a-7b2e-9f00-0123456789ab')).toBe('01936f0e-4c1a-7b2e-9f00-0123456789ab');
    expect(entryValueText({ id: 'm-1' })).toBe('{"id":"m-1"}');
    expect(entryValueText(['m-1', 2])).toBe('["m-1",2]');
    expect(entryValueText(null)).toBe('null');
    expect(entryValueText(undefined)).toBe('undefined');
  });
});
