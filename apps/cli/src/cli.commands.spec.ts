import { CliUsageError, cliToken, toRequest } from './cli.commands';

describe('CLI commands', () => {
  it('maps a notice request to the API, fields named as the API names them', () => {
    expect(
      toRequest(['notice', 'request'], {
        type: 'red',
        'family-name': 'DOE',
        document: ['X1', 'X2,X3'],
        offence: 'fraud',
        expiry: '2027-01-01',
        'restricted-to': ['IT'],
      }),
    ).toEqual({
      method: 'POST',
      path: '/api/notices/requests',
      body: {
        type: 'red',
        familyName: 'DOE',
        documentNumbers: ['X1', 'X2', 'X3'],
        offence: 'fraud',
        expiry: '2027-01-01',
        restrictedTo: ['IT'],
      },
    });
  });

  it('encodes notice numbers, which hold a slash', () => {
    expect(toRequest(['notice', 'cancel', 'A-1/2026'], { reason: 'arrested' })).toEqual({
      method: 'POST',
      path: '/api/notices/A-1%2F2026/cancel',
      body: { reason: 'arrested' },
    });
  });

  it('searches, diffuses, alerts and creates operations at the registry', () => {
    expect(toRequest(['notice', 'search'], { name: 'müller jo', state: 'active' }).path).toBe(
      '/api/notices?state=active&name=m%C3%BCller+jo',
    );
    expect(toRequest(['diffusion', 'send'], { to: 'all', title: 't', details: 'd' }).body).toEqual({
      to: 'all',
      title: 't',
      details: 'd',
    });
    expect(toRequest(['operation', 'alert', 'op-1'], { title: 't', details: 'd' }).path).toBe(
      '/api/operations/op-1/alerts',
    );
    expect(
      toRequest(['operation', 'create'], {
        registry: 'http://r:3001/',
        token: 'k',
        name: 'n',
        coordinator: 'DK',
        participants: 'MR,FR',
        start: 's',
        end: 'e',
      }),
    ).toEqual({
      method: 'POST',
      path: 'http://r:3001/api/operations',
      token: 'k',
      body: { name: 'n', coordinator: 'DK', participants: ['MR', 'FR'], start: 's', end: 'e' },
    });
  });

  it('lists, shows, releases and drops dead letters', () => {
    expect(toRequest(['dead-letters', 'list'], {})).toEqual({ method: 'GET', path: '/api/admin/dead-letters?' });
    expect(toRequest(['dead-letters', 'list'], { dropped: true, limit: '10' })).toEqual({
      method: 'GET',
      path: '/api/admin/dead-letters?limit=10&dropped=true',
    });
    expect(toRequest(['dead-letters', 'show', '7'], {})).toEqual({ method: 'GET', path: '/api/admin/dead-letters/7' });
    expect(toRequest(['dead-letters', 'release', '7'], {})).toEqual({
      method: 'POST',
      path: '/api/admin/dead-letters/7/release',
      body: {},
    });
    expect(toRequest(['dead-letters', 'drop', '7'], {})).toEqual({
      method: 'DELETE',
      path: '/api/admin/dead-letters/7',
    });
    expect(() => toRequest(['dead-letters', 'drop'], {})).toThrow('missing dead-letter id');
  });

  it('names what is missing', () => {
    expect(() => toRequest(['review', 'refuse', 'id'], {})).toThrow(new CliUsageError('--reason is required'));
    expect(() => toRequest(['notice', 'show'], {})).toThrow('missing notice number');
    expect(() => toRequest(['teleport'], {})).toThrow('unknown command "teleport"');
  });

  it('finds the bearer token in --token, --token-file (plain, or by role in a tokens file) or BUREAUNET_TOKEN', () => {
    const files: Record<string, string> = {
      plain: 'abc123\n',
      'DK.json': JSON.stringify({ officer: 'o-token', reviewer: 'r-token' }),
    };
    const read = (path: string) => {
      if (!(path in files)) throw new Error('ENOENT');
      return files[path];
    };
    expect(cliToken({ token: 't', 'token-file': 'plain' }, { BUREAUNET_TOKEN: 'e' }, read)).toBe('t');
    expect(cliToken({ 'token-file': 'plain' }, {}, read)).toBe('abc123');
    expect(cliToken({ 'token-file': 'DK.json' }, {}, read)).toBe('o-token');
    expect(cliToken({ 'token-file': 'DK.json', role: 'reviewer' }, {}, read)).toBe('r-token');
    expect(() => cliToken({ 'token-file': 'DK.json', role: 'coordinator' }, {}, read)).toThrow(
      /holds no coordinator token/,
    );
    expect(() => cliToken({ 'token-file': 'missing' }, {}, read)).toThrow(CliUsageError);
    expect(cliToken({}, { BUREAUNET_TOKEN: 'e' }, read)).toBe('e');
    expect(cliToken({}, {}, read)).toBeUndefined();
  });
});
