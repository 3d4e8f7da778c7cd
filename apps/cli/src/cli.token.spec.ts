import { CliUsageError } from './cli.errors';
import { cliToken } from './cli.token';

describe('CLI token', () => {
  it('finds the bearer token in --token, --token-file (plain, or by role in a tokens file) or BUREAUNET_TOKEN', () => {
    const files: Record<string, string> = {
      plain: 'abc123\n',
      'DK.json': JSON.stringify({ officer: 'o-token', reviewer: 'r-token' }),
    };
    const read = (path: string) => {
      if (!(path in files)) throw new Error('ENOENT');
      return files[path];
    };
    expect(cliToken({ token: 't', tokenFile: 'plain' }, { BUREAUNET_TOKEN: 'e' }, read)).toBe('t');
    expect(cliToken({ tokenFile: 'plain' }, {}, read)).toBe('abc123');
    expect(cliToken({ tokenFile: 'DK.json' }, {}, read)).toBe('o-token');
    expect(cliToken({ tokenFile: 'DK.json', role: 'reviewer' }, {}, read)).toBe('r-token');
    expect(() => cliToken({ tokenFile: 'DK.json', role: 'coordinator' }, {}, read)).toThrow(
      /holds no coordinator token/,
    );
    expect(() => cliToken({ tokenFile: 'missing' }, {}, read)).toThrow(CliUsageError);
    expect(cliToken({}, { BUREAUNET_TOKEN: 'e' }, read)).toBe('e');
    expect(cliToken({}, {}, read)).toBeUndefined();
  });
});
