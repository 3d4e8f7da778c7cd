import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from '../cli.errors';

/** What `bureaunet login` saves: where the node is and the personal API token it made there. */
export interface CliProfile {
  url: string;
  username: string;
  /** A personal API token (bnp_…), sent as a bearer token. */
  token: string;
  /** Its id at the node, for `bureaunet logout` to revoke it. */
  tokenId: string;
  /** The CA (PEM) that issued the node's HTTPS certificate, when not one the system trusts. */
  ca?: string;
}

export const DEFAULT_PROFILE = 'default';
const PROFILE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** A profile is a few hundred bytes (a CA adds a few kB): anything far larger is not one. */
const MAX_PROFILE_BYTES = 64 * 1024;

/**
 * Saved profiles, one file each in $XDG_CONFIG_HOME/bureaunet (~/.config/bureaunet without it):
 * profile.json for the default one, profile.<name>.json for `--profile <name>`. The token in them is a
 * password's equal, so the folder is 0700 and each file 0600 (repaired when found looser).
 */
export class CliProfileStore {
  readonly dir: string;

  constructor(env: NodeJS.ProcessEnv) {
    const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
    this.dir = join(config, 'bureaunet');
  }

  fileOf(name: string): string {
    if (!PROFILE_NAME.test(name))
      throw new CliUsageError(`profile name ${JSON.stringify(name)} is not 1-64 letters, digits, '-' or '_'`);
    return join(this.dir, name === DEFAULT_PROFILE ? 'profile.json' : `profile.${name}.json`);
  }

  /** The saved profile, or undefined when there is none by that name. */
  read(name: string): CliProfile | undefined {
    const file = this.fileOf(name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new CliUsageError(`cannot read the profile ${file}: ${(error as Error).message}`);
    }
    if (text.length > MAX_PROFILE_BYTES) throw new CliUsageError(`the profile ${file} is larger than a profile can be`);
    return parseProfile(text, file);
  }

  /** Writes the profile readable by this user only; returns the file. */
  write(name: string, profile: CliProfile): string {
    const file = this.fileOf(name);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700); // also when the folder was there before
    writeFileSync(file, `${JSON.stringify(profile, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // also when the file was there before
    return file;
  }

  remove(name: string): void {
    rmSync(this.fileOf(name), { force: true });
  }
}

function parseProfile(text: string, file: string): CliProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliUsageError(`the profile ${file} is not JSON: run bureaunet login again`);
  }
  const profile = value as Partial<CliProfile> | null;
  const missing = (['url', 'username', 'token', 'tokenId'] as const).filter(
    (field) => typeof profile?.[field] !== 'string' || profile[field] === '',
  );
  if (missing.length > 0 || (profile?.ca !== undefined && typeof profile.ca !== 'string'))
    throw new CliUsageError(
      `the profile ${file} lacks ${missing.join(', ') || 'a valid ca'}: run bureaunet login again`,
    );
  return profile as CliProfile;
}
