import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  BrokerPermissions,
  evaluatorPermissions,
  gatewayPermissions,
  nodePermissions,
  registryPermissions,
} from '@bureaunet/contracts';

export interface BrokerCredentials {
  user: string;
  password: string;
  inboxPrefix: string;
}

/**
 * Writes a nats-server configuration with one user per party and its permissions, and returns
 * each party's credentials. Passwords are random per network and never written anywhere else.
 */
export function writeNatsAuthConfig(
  file: string,
  parties: readonly BrokerPermissions[],
): Map<string, BrokerCredentials> {
  const credentials = new Map<string, BrokerCredentials>();
  const users = parties.map((party) => {
    const password = newPassword();
    credentials.set(party.user, { user: party.user, password, inboxPrefix: party.inboxPrefix });
    return userLine(party, password);
  });
  writeFileSync(file, `authorization {\n  users = [\n${users.join(',\n')}\n  ]\n}\n`, { mode: 0o600 });
  return credentials;
}

/**
 * Adds one party's user to a configuration writeNatsAuthConfig wrote (its line replaced, with a new
 * password, when it is there already); every other line stays as it is, other users' passwords too.
 */
export function addNatsAuthUser(file: string, party: BrokerPermissions): BrokerCredentials {
  const password = newPassword();
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith(`    { user: ${quote(party.user)},`));
  const last = lines.findLastIndex((line) => line.startsWith('    { user: '));
  if (last < 0) throw new Error(`${file} has no users = [ … ] list to add ${party.user} to`);
  lines[last] = `${lines[last].replace(/,$/, '')},`;
  lines.splice(last + 1, 0, userLine(party, password));
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return { user: party.user, password, inboxPrefix: party.inboxPrefix };
}

function userLine(party: BrokerPermissions, password: string): string {
  const responses = party.allowResponses ? ', allow_responses: true' : '';
  return `    { user: ${quote(party.user)}, password: ${quote(password)}, permissions: { publish: { allow: ${list(party.publish)} }, subscribe: { allow: ${list(party.subscribe)} }${responses} } }`;
}

const newPassword = (): string => randomBytes(18).toString('base64url');

/** The whole network's broker users: registry, gateway, evaluator and one node per code. */
export function writeNetworkBrokerConfig(file: string, codes: readonly string[]): Map<string, BrokerCredentials> {
  return writeNatsAuthConfig(file, [
    registryPermissions(),
    gatewayPermissions(),
    evaluatorPermissions(),
    ...codes.map((code) => nodePermissions(code)),
  ]);
}

const quote = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;
