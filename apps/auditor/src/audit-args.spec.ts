import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './audit.errors';
import { parseAuditArgs } from './audit-args';
import { defaultStatePath } from './audit-state';

describe('audit command line', () => {
  it('reads verify with its options', () => {
    expect(
      parseAuditArgs(
        ['verify', '--gateway', 'http://127.0.0.1:3002', '--key', 'xg.pem', '--token', 't', '--state', 's.json'],
        {},
      ),
    ).toEqual({
      command: 'verify',
      gateway: new URL('http://127.0.0.1:3002'),
      keyFile: 'xg.pem',
      token: 't',
      stateFile: 's.json',
    });
  });

  it('reads checkpoint with repeated --witness, and the same options on verify; refuses them half given', () => {
    expect(
      parseAuditArgs(
        [
          'checkpoint',
          '--gateway',
          'http://g:1',
          '--log-key',
          'L',
          '--witness',
          'W1',
          '--witness',
          'W2',
          '--quorum',
          '1',
        ],
        {},
      ),
    ).toEqual({
      command: 'checkpoint',
      gateway: new URL('http://g:1'),
      checkpoint: { logKey: 'L', witnesses: ['W1', 'W2'], quorum: 1 },
    });
    expect(
      parseAuditArgs(['verify', '--gateway', 'http://g:1', '--key', 'k', '--token', 't', '--log-key', 'L'], {}),
    ).toMatchObject({ command: 'verify', checkpoint: { logKey: 'L', witnesses: [], quorum: undefined } });
    expect(() => parseAuditArgs(['checkpoint', '--gateway', 'http://g:1'], {})).toThrow(
      new UsageError('--log-key is required'),
    );
    expect(() =>
      parseAuditArgs(['trail', 'm', '--gateway', 'http://g:1', '--key', 'k', '--token', 't', '--witness', 'W'], {}),
    ).toThrow(new UsageError('--witness and --quorum need --log-key'));
    expect(() =>
      parseAuditArgs(['checkpoint', '--gateway', 'http://g:1', '--log-key', 'L', '--quorum', 'two'], {}),
    ).toThrow(new UsageError('--quorum two is not a whole number'));
  });

  it('reads activity against the gateway or a saved anchor entry', () => {
    expect(
      parseAuditArgs(
        ['activity', '--export', 'a.jsonl', '--code', 'FR', '--gateway', 'http://g:1', '--key', 'k', '--token', 't'],
        {},
      ),
    ).toEqual({
      command: 'activity',
      exportFile: 'a.jsonl',
      code: 'FR',
      gateway: new URL('http://g:1'),
      keyFile: 'k',
      token: 't',
    });
    expect(parseAuditArgs(['activity', '--export', 'a.jsonl', '--anchor-entry', 'e.json'], {})).toEqual({
      command: 'activity',
      exportFile: 'a.jsonl',
      anchorEntryFile: 'e.json',
    });
    expect(() => parseAuditArgs(['activity', '--export', 'a.jsonl', '--gateway', 'http://g:1'], {})).toThrow(
      '--code is required',
    );
  });

  it('takes the token from a file or from BUREAUNET_AUDIT_TOKEN', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bureaunet-args-'));
    try {
      writeFileSync(join(dir, 'token'), 'from-file\n');
      const base = ['verify', '--gateway', 'http://g:1', '--key', 'k'];
      expect(parseAuditArgs([...base, '--token-file', join(dir, 'token')], {})).toMatchObject({ token: 'from-file' });
      expect(parseAuditArgs(base, { BUREAUNET_AUDIT_TOKEN: 'from-env' })).toMatchObject({ token: 'from-env' });
      expect(() => parseAuditArgs(base, {})).toThrow(
        'a token is required: --token, --token-file or BUREAUNET_AUDIT_TOKEN',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads trail online and offline', () => {
    expect(
      parseAuditArgs(['verify', '--gateway', 'http://g:1', '--key', 'k', '--token=-starts-with-a-dash'], {}),
    ).toMatchObject({ token: '-starts-with-a-dash' });
    expect(
      parseAuditArgs(['trail', 'm-1', '--gateway', 'http://g:1', '--key', 'k', '--token', 't', '--save', 'b.json'], {}),
    ).toMatchObject({ command: 'trail', messageId: 'm-1', saveFile: 'b.json' });
    expect(parseAuditArgs(['trail', '--bundle', 'b.json', '--key', 'k'], {})).toEqual({
      command: 'trail',
      keyFile: 'k',
      bundleFile: 'b.json',
      messageId: undefined,
    });
  });

  it('reads replay with the gateway, the registry and their tokens', () => {
    const base = [
      'replay',
      'm-1',
      '--gateway',
      'http://g:1',
      '--key',
      'k',
      '--token',
      't',
      '--registry',
      'https://r:2',
    ];
    expect(parseAuditArgs([...base, '--registry-token', 'r', '--to', 'FR'], {})).toEqual({
      command: 'replay',
      messageId: 'm-1',
      gateway: new URL('http://g:1'),
      keyFile: 'k',
      token: 't',
      registry: new URL('https://r:2'),
      registryToken: 'r',
      to: 'FR',
    });
    expect(parseAuditArgs(base, { BUREAUNET_REGISTRY_TOKEN: 'from-env' })).toMatchObject({ registryToken: 'from-env' });
    expect(() => parseAuditArgs(base, {})).toThrow(
      'a registry token is required: --registry-token, --registry-token-file or BUREAUNET_REGISTRY_TOKEN',
    );
    expect(() => parseAuditArgs([...base.slice(0, -1), 'ftp://r', '--registry-token', 'r'], {})).toThrow(
      '--registry ftp://r is not an http(s) URL',
    );
  });

  it('says precisely what is wrong', () => {
    const refused = (argv: string[], message: string | RegExp) => {
      expect(() => parseAuditArgs(argv, {})).toThrow(UsageError);
      expect(() => parseAuditArgs(argv, {})).toThrow(message);
    };
    refused(['verify', '--gateway', 'http://g:1', '--token', 't'], '--key is required');
    refused(
      ['verify', '--gateway', 'ftp://g', '--key', 'k', '--token', 't'],
      '--gateway ftp://g is not an http(s) URL',
    );
    refused(
      ['check', '--key', 'k'],
      'unknown command "check": verify, trail, replay, checkpoint, activity or evidence',
    );
    refused(
      ['verify', '--key', 'k', '--gateway', 'http://g:1', '--token', 't', '--colour'],
      /Unknown option '--colour'/,
    );
    refused(
      ['trail', '--key', 'k', '--gateway', 'http://g:1', '--token', 't'],
      'trail takes one MESSAGE_ID (or --bundle FILE)',
    );
    expect(parseAuditArgs([], {})).toEqual({ command: 'help' });
  });

  it('reads evidence: fetched from a node, or verified offline with repeated witnesses', () => {
    expect(
      parseAuditArgs(['evidence', 'm-1', '--node', 'https://dk:3100', '--save', 'b.json', '--purpose', 'case 7'], {
        BUREAUNET_TOKEN: 'node-token',
        BUREAUNET_AUDIT_TOKEN: 'gateway-token',
      }),
    ).toEqual({
      command: 'evidence-fetch',
      messageId: 'm-1',
      node: new URL('https://dk:3100'),
      token: 'node-token',
      saveFile: 'b.json',
      purpose: 'case 7',
      plaintext: false,
    });
    expect(
      parseAuditArgs(
        ['evidence', 'verify', 'b.json', '--ca', 'ca.pem', '--witness', 'a+1+x', '--witness', 'b+2+y', '--quorum', '2'],
        {},
      ),
    ).toEqual({
      command: 'evidence-verify',
      bundleFile: 'b.json',
      caFile: 'ca.pem',
      witnesses: ['a+1+x', 'b+2+y'],
      quorum: 2,
      at: undefined,
    });
    const verify = ['evidence', 'verify', 'b.json', '--ca', 'c', '--witness', 'w'];
    expect(() => parseAuditArgs(verify, {})).toThrow('--quorum is required');
    expect(() => parseAuditArgs([...verify, '--quorum', '0'], {})).toThrow('--quorum 0 is not a whole number ≥ 1');
    expect(() => parseAuditArgs([...verify, '--quorum', '1', '--at', 'yesterday'], {})).toThrow(
      '--at yesterday is not an ISO 8601 instant',
    );
    expect(() => parseAuditArgs(['evidence', 'm-1', '--node', 'http://n:1', '--save', 'b.json'], {})).toThrow(
      'a token is required: --token, --token-file or BUREAUNET_TOKEN',
    );
  });

  it('keeps one state file per gateway under .bureaunet-audit/', () => {
    expect(defaultStatePath(new URL('http://127.0.0.1:3002'))).toBe(join('.bureaunet-audit', '127.0.0.1_3002.json'));
    expect(defaultStatePath(new URL('https://ledger.example'))).toBe(
      join('.bureaunet-audit', 'ledger.example_443.json'),
    );
  });
});
