import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliProfileStore } from './cli-profile.store';
import { DEFAULT_NODE, nodeConnection } from './cli-connection';

const noFile = () => {
  throw new Error('ENOENT');
};

describe('node connection', () => {
  let config: string;
  let store: CliProfileStore;
  beforeEach(() => {
    config = mkdtempSync(join(tmpdir(), 'bureaunet-connection-'));
    store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    store.write('default', { url: 'https://n:3101/', username: 'ana', token: 'bnp_p', tokenId: 't', ca: 'PEM' });
  });
  afterEach(() => rmSync(config, { recursive: true, force: true }));

  it('keeps the flags and environment as before: a token given wins over the profile', () => {
    expect(nodeConnection({ token: 'role' }, {}, noFile, store)).toEqual({ url: DEFAULT_NODE, token: 'role' });
    expect(nodeConnection({}, { BUREAUNET_TOKEN: 'env', BUREAUNET_NODE: 'http://x/' }, noFile, store)).toEqual({
      url: 'http://x',
      token: 'env',
    });
  });

  it('uses the profile when no token is given, with its CA', () => {
    expect(nodeConnection({}, {}, noFile, store)).toEqual({ url: 'https://n:3101', token: 'bnp_p', ca: 'PEM' });
    expect(nodeConnection({ node: 'https://n:3101' }, {}, noFile, store)).toMatchObject({ token: 'bnp_p' });
  });

  it("never sends the profile's token to another node", () => {
    expect(nodeConnection({ node: 'https://other:3102' }, {}, noFile, store)).toEqual({ url: 'https://other:3102' });
  });

  it('says so when --profile names no saved profile', () => {
    expect(() => nodeConnection({ profile: 'hub' }, {}, noFile, store)).toThrow(/there is no profile hub/);
    store.remove('default');
    expect(nodeConnection({}, {}, noFile, store)).toEqual({ url: DEFAULT_NODE });
  });
});
