import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { BrokerPermissions, gatewayPermissions, nodePermissions, registryPermissions } from '@bureaunet/contracts';

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
    const password = randomBytes(18).toString('base64url');
    credentials.set(party.user, { user: party.user, password, inboxPrefix: party.inboxPrefix });
    const responses = party.allowResponses ? ', allow_responses: true' : '';
    return `    { user: ${quote(party.user)}, password: ${quote(password)}, permissions: { publish: { allow: ${list(party.publish)} }, subscribe: { allow: ${list(party.subscribe)} }${responses} } }`;
  });
  writeFileSync(file, `authorization {\n  users = [\n${users.join(',\n')}\n  ]\n}\n`, { mode: 0o600 });
  return credentials;
}

/** The whole network's broker users: registry, gateway and one node per code. */
export function writeNetworkBrokerConfig(file: string, codes: readonly string[]): Map<string, BrokerCredentials> {
  return writeNatsAuthConfig(file, [
    registryPermissions(),
    gatewayPermissions(),
    ...codes.map((code) => nodePermissions(code)),
  ]);
}

const quote = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;
