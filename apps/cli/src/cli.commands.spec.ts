import { CliUsageError, toRequest } from './cli.commands';

describe('CLI commands', () => {
  it('maps a notice request to the API, fields named as the API names them', () => {
    expect(toRequest(['notice', 'request'], { type: 'red', 'family-name': 'DOE', document: ['X1', 'X2,X3'], offence: 'fraud', expiry: '2027-01-01', 'restricted-to': ['IT'] })).toEqual({
      method: 'POST',
      path: '/api/notices/requests',
      body: { type: 'red', familyName: 'DOE', documentNumbers: ['X1', 'X2', 'X3'], offence: 'fraud', expiry: '2027-01-01', restrictedTo: ['IT'] },
    });
  });

  it('encodes notice numbers, which hold a slash', () => {
    expect(toRequest(['notice', 'cancel', 'A-1/2026'], { reason: 'arrested' })).toEqual({ method: 'POST', path: '/api/notices/A-1%2F2026/cancel', body: { reason: 'arrested' } });
  });

  it('searches, diffuses, alerts and creates operations at the registry', () => {
    expect(toRequest(['notice', 'search'], { name: 'müller jo', state: 'active' }).path).toBe('/api/notices?state=active&name=m%C3%BCller+jo');
    expect(toRequest(['diffusion', 'send'], { to: 'all', title: 't', details: 'd' }).body).toEqual({ to: 'all', title: 't', details: 'd' });
    expect(toRequest(['operation', 'alert', 'op-1'], { title: 't', details: 'd' }).path).toBe('/api/operations/op-1/alerts');
    expect(toRequest(['operation', 'create'], { registry: 'http://r:3001/', token: 'k', name: 'n', coordinator: 'DK', participants: 'MR,FR', start: 's', end: 'e' })).toEqual({
      method: 'POST',
      path: 'http://r:3001/api/operations',
      token: 'k',
      body: { name: 'n', coordinator: 'DK', participants: ['MR', 'FR'], start: 's', end: 'e' },
    });
  });

  it('names what is missing', () => {
    expect(() => toRequest(['review', 'refuse', 'id'], {})).toThrow(new CliUsageError('--reason is required'));
    expect(() => toRequest(['notice', 'show'], {})).toThrow('missing notice number');
    expect(() => toRequest(['teleport'], {})).toThrow('unknown command "teleport"');
  });
});
