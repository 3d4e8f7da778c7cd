import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from '../cli.errors';
import { CliProfileStore, type CliProfile } from './cli-profile.store';

const PROFILE: CliProfile = { url: 'https://n:3101', username: 'ana', token: 'bnp_x', tokenId: 't-1' };
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('CLI profile store', () => {
  let config: string;
  beforeEach(() => (config = mkdtempSync(join(tmpdir(), 'bureaunet-profile-'))));
  afterEach(() => rmSync(config, { recursive: true, force: true }));

  it('lives in $XDG_CONFIG_HOME/bureaunet, else ~/.config/bureaunet', () => {
    expect(new CliProfileStore({ XDG_CONFIG_HOME: config }).dir).toBe(join(config, 'bureaunet'));
    expect(new CliProfileStore({ HOME: '/home/ana' }).dir).toBe('/home/ana/.config/bureaunet');
  });

  it('writes the profile 0600 in a 0700 folder, and reads it back', () => {
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    const file = store.write('default', PROFILE);
    expect(file).toBe(join(config, 'bureaunet', 'profile.json'));
    expect(modeOf(store.dir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(store.read('default')).toEqual(PROFILE);
  });

  it('tightens a folder and a file that were there before with looser modes', () => {
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    mkdirSync(store.dir, { mode: 0o755 });
    chmodSync(store.dir, 0o755);
    writeFileSync(join(store.dir, 'profile.work.json'), '{}', { mode: 0o644 });
    const file = store.write('work', PROFILE);
    expect(file).toBe(join(store.dir, 'profile.work.json'));
    expect(modeOf(store.dir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
  });

  it('keeps named profiles apart and removes one without the others', () => {
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    store.write('default', PROFILE);
    store.write('hub', { ...PROFILE, url: 'https://hub:3100' });
    store.remove('hub');
    expect(store.read('hub')).toBeUndefined();
    expect(store.read('default')).toEqual(PROFILE);
  });

  it('refuses a profile name that could leave the folder', () => {
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    expect(() => store.fileOf('../x')).toThrow(CliUsageError);
    expect(() => store.fileOf('')).toThrow(/1-64 letters/);
  });

  it('names what a damaged profile lacks', () => {
    const store = new CliProfileStore({ XDG_CONFIG_HOME: config });
    const file = store.write('default', PROFILE);
    writeFileSync(file, JSON.stringify({ url: 'https://n' }));
    expect(() => store.read('default')).toThrow(/lacks username, token, tokenId: run bureaunet login again/);
    writeFileSync(file, 'not json');
    expect(() => store.read('default')).toThrow(/is not JSON/);
    expect(readFileSync(file, 'utf8')).toBe('not json'); // read never rewrites
  });
});
