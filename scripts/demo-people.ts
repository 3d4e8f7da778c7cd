import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { HUB_CODE } from '@bureaunet/contracts';
import { HttpError, PeopleApiClient, type PersonRole } from '@bureaunet/api-clients';
import type { LocalNetwork } from '@bureaunet/testing';

/** One demo person at one service, and how they sign in there. */
export interface DemoPerson {
  service: string;
  url: string;
  username: string;
  displayName: string;
  roles: PersonRole[];
  borderPost?: string;
  /** The password `npm start` gave them (kept from an earlier start), or a one-time link to set one. */
  password?: string;
  link?: string;
}

interface Place {
  service: string;
  url: string;
  /** The static admin role token of that service: how the first people are made. */
  adminToken: string;
}

/** Who `npm start` makes: an officer and an administrator per bureau, a border officer, a coordinator, the hub's reviewer, the registry's administrator and the gateway's auditor. */
export function demoCast(
  network: LocalNetwork,
  codes: readonly string[],
): Array<Place & Omit<DemoPerson, 'service' | 'url'>> {
  const bureaus = codes.filter((code) => code !== HUB_CODE);
  const nodeOf = (code: string): Place => ({
    service: `node ${code}`,
    url: network.node(code).url,
    adminToken: network.nodeTokens.get(code)!.admin,
  });
  const cast: Array<Place & Omit<DemoPerson, 'service' | 'url'>> = [];
  // The scenario's coordinator is the second bureau (DK in XH,MR,DK,FR); the border officer is at the first.
  const coordinating = bureaus[1] ?? bureaus[0];
  for (const code of bureaus) {
    const at = code.toLowerCase();
    cast.push({ ...nodeOf(code), username: `${at}-officer`, displayName: `${code} officer`, roles: ['officer'] });
    cast.push({ ...nodeOf(code), username: `${at}-admin`, displayName: `${code} administrator`, roles: ['admin'] });
    if (code === bureaus[0])
      cast.push({
        ...nodeOf(code),
        username: `${at}-border`,
        displayName: `${code} border officer`,
        roles: ['border-officer'],
        borderPost: 'Border post 12',
      });
    if (code === coordinating)
      cast.push({
        ...nodeOf(code),
        username: `${at}-coordinator`,
        displayName: `${code} coordinator`,
        roles: ['coordinator'],
      });
  }
  if (codes.includes(HUB_CODE)) {
    const hub = nodeOf(HUB_CODE);
    cast.push({ ...hub, username: 'hub-reviewer', displayName: 'Hub reviewer', roles: ['reviewer'] });
    cast.push({ ...hub, username: 'hub-admin', displayName: 'Hub administrator', roles: ['admin'] });
  }
  cast.push({
    service: 'registry',
    url: network.registry.url,
    adminToken: network.adminToken,
    username: 'registry-admin',
    displayName: 'Registry administrator',
    roles: ['admin'],
  });
  cast.push({
    service: 'gateway',
    url: network.gateway.url,
    adminToken: network.gatewayTokens.admin,
    username: 'gateway-auditor',
    displayName: 'Gateway auditor',
    roles: ['auditor'],
  });
  return cast;
}

/**
 * Makes each demo person through the service's people API with its static admin token, and gives
 * them a generated password (a one-time link, then PUT /api/me/password from that session). A person
 * an earlier start made keeps the password written then; without one, they get a fresh sign-in link.
 */
export async function createDemoPeople(
  network: LocalNetwork,
  codes: readonly string[],
  previousFile: string,
): Promise<DemoPerson[]> {
  const known = previousPasswords(previousFile);
  const made: DemoPerson[] = [];
  for (const { adminToken, ...person } of demoCast(network, codes)) {
    const client = new PeopleApiClient(person.url, { ca: network.ca });
    const admin = { bearer: adminToken };
    const existing = (await client.people(admin)).find((p) => p.username === person.username);
    const id =
      existing?.id ??
      (
        await client.createPerson(admin, {
          username: person.username,
          displayName: person.displayName,
          roles: person.roles,
          ...(person.borderPost ? { borderPost: person.borderPost } : {}),
        })
      ).id;
    const kept = existing ? known.get(`${person.url} ${person.username}`) : undefined;
    if (kept) {
      made.push({ ...person, password: kept });
      continue;
    }
    const link = await client.signInLink(admin, id);
    if (existing) {
      made.push({ ...person, link: link.url }); // their password is theirs: a link lets them in to change it
      continue;
    }
    const password = randomBytes(12).toString('base64url');
    const session = await client.signInWithLink(link.url);
    await client.changePassword({ session }, { newPassword: password });
    await client.signOut(session).catch(() => undefined);
    made.push({ ...person, password });
  }
  return made;
}

/** "url username → password" from the table an earlier start wrote (tab-separated), if any. */
function previousPasswords(file: string): Map<string, string> {
  const passwords = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return passwords;
  }
  for (const line of text.split('\n').slice(1)) {
    const [, url, username, , secret] = line.split('\t');
    if (url && username && secret && !secret.startsWith('http')) passwords.set(`${url} ${username}`, secret);
  }
  return passwords;
}

/** The sign-in table for people (aligned columns) and the same as a 0600 tab-separated file. */
export function demoPeopleTable(people: readonly DemoPerson[]): string {
  const rows = [
    ['SERVICE', 'CONSOLE', 'USER', 'ROLES', 'PASSWORD (or one-time sign-in link)'],
    ...people.map((p) => [
      p.service,
      `${p.url}/`,
      p.username,
      p.roles.join(',') + (p.borderPost ? ` @ ${p.borderPost}` : ''),
      p.password ?? p.link ?? '',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function writeDemoPeopleFile(file: string, people: readonly DemoPerson[]): void {
  const lines = [
    'service\turl\tusername\troles\tpassword-or-link',
    ...people.map((p) => [p.service, p.url, p.username, p.roles.join(','), p.password ?? p.link ?? ''].join('\t')),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // also when the file was there before
}

/** Why the demo people could not be made, in one line. */
export function demoPeopleProblem(error: unknown): string {
  if (error instanceof HttpError) return `HTTP ${error.status} ${JSON.stringify(error.body)}`;
  return error instanceof Error ? error.message : String(error);
}
