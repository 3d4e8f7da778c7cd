import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fetchTrusting } from '@bureaunet/api-clients';

const USAGE = `usage: npm run first-admin -- --url <service url> --token <static admin token> --username <name> --name "<display name>" [--roles admin,officer] [--border-post <post>] [--ca <CA PEM file>]
  The token may come from BUREAUNET_ADMIN_TOKEN instead of --token (kept out of the process list).`;

interface FirstAdmin {
  url: string;
  token: string;
  username: string;
  displayName: string;
  roles: string[];
  borderPost?: string;
  ca?: string;
}

/** The command line, every missing or bad option named at once. */
export function readFirstAdminArguments(argv: readonly string[], env: NodeJS.ProcessEnv): FirstAdmin {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string', default: 'admin' },
      'border-post': { type: 'string' },
      ca: { type: 'string' },
    },
    strict: true,
  });
  const token = values.token ?? env.BUREAUNET_ADMIN_TOKEN;
  const problems = [
    ...(values.url && /^https?:\/\/[^/\s]+\/?$/.test(values.url)
      ? []
      : ['--url must be the service’s origin, e.g. http://127.0.0.1:3100']),
    ...(token ? [] : ['--token (or BUREAUNET_ADMIN_TOKEN) must be the service’s static admin token']),
    ...(values.username ? [] : ['--username is required']),
    ...(values.name ? [] : ['--name is required']),
  ];
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${USAGE}`);
  return {
    url: values.url!.replace(/\/+$/, ''),
    token: token!,
    username: values.username!,
    displayName: values.name!,
    roles: values.roles
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean),
    ...(values['border-post'] ? { borderPost: values['border-post'] } : {}),
    ...(values.ca ? { ca: readFileSync(values.ca, 'utf8') } : {}),
  };
}

/**
 * `npm run first-admin -- …`: makes the first administrator of a node, the registry or the
 * gateway with its static admin token (POST /api/people), then asks for their one-time sign-in
 * link (POST /api/people/:id/sign-in-link) and prints it: opened within 15 minutes, it signs them
 * in once, and they set their password.
 */
async function main(): Promise<void> {
  const admin = readFirstAdminArguments(process.argv.slice(2), process.env);
  const call = fetchTrusting(admin.ca);
  const headers = { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' };
  const person = await answer<{ id: string; username: string }>(
    await call(`${admin.url}/api/people`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        username: admin.username,
        displayName: admin.displayName,
        roles: admin.roles,
        ...(admin.borderPost ? { borderPost: admin.borderPost } : {}),
      }),
    }),
    `creating ${admin.username}`,
  );
  const link = await answer<{ url: string; expiresAt: string }>(
    await call(`${admin.url}/api/people/${person.id}/sign-in-link`, { method: 'POST', headers }),
    `the sign-in link of ${person.username}`,
  );
  process.stdout.write(
    `${person.username} can sign in once, until ${link.expiresAt}, with this link (then set a password):\n${link.url}\n`,
  );
}

async function answer<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) {
    let reason = text;
    try {
      const body = JSON.parse(text) as { code?: string; reason?: string };
      reason = `${body.code ?? ''}: ${body.reason ?? text}`;
    } catch {
      // Not JSON: the text as it came.
    }
    throw new Error(`${what}: HTTP ${response.status} ${reason}`);
  }
  return JSON.parse(text) as T;
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
