/**
 * The node's workflow steps as command-line commands: each turns parsed arguments into one HTTP
 * call. Pure (no I/O): main.ts performs the request; the spec checks the mapping.
 */
export interface CliRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to --node, or absolute (the registry, for "operation create"). */
  path: string;
  body?: unknown;
  /** A bearer token this command needs whatever cliToken finds (the registry's, for "operation create"). */
  token?: string;
}

export type Flags = Record<string, string | string[] | boolean | undefined>;

export class CliUsageError extends Error {}

const list = (value: string | string[] | boolean | undefined): string[] | undefined => {
  if (value === undefined || typeof value === 'boolean') return undefined;
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
};

function str(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  if (value === undefined || typeof value === 'boolean') return undefined;
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function required(flags: Flags, name: string): string {
  const value = str(flags, name);
  if (value === undefined) throw new CliUsageError(`--${name} is required`);
  return value;
}

function positional(args: readonly string[], index: number, what: string): string {
  const value = args[index];
  if (value === undefined) throw new CliUsageError(`missing ${what}`);
  return value;
}

/** Only the flags given, under their API names. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function noticeFields(flags: Flags): Record<string, unknown> {
  return defined({
    familyName: str(flags, 'family-name'),
    givenNames: str(flags, 'given-names'),
    dateOfBirth: str(flags, 'dob'),
    nationality: str(flags, 'nationality'),
    documentNumbers: list(flags.document),
    offence: str(flags, 'offence'),
    expiry: str(flags, 'expiry'),
  });
}

const enc = encodeURIComponent;

/**
 * The bearer token to send: --token, else --token-file (a file holding the token, or the
 * var/tokens/<code>.json `npm start` writes, one token per role: --role picks, officer by
 * default), else BUREAUNET_TOKEN. readFile is injected to keep this pure.
 */
export function cliToken(flags: Flags, env: NodeJS.ProcessEnv, readFile: (path: string) => string): string | undefined {
  const token = str(flags, 'token');
  if (token) return token;
  const file = str(flags, 'token-file');
  if (file === undefined) return env.BUREAUNET_TOKEN || undefined;
  let text: string;
  try {
    text = readFile(file).trim();
  } catch (error) {
    throw new CliUsageError(`cannot read --token-file ${file}: ${(error as Error).message}`);
  }
  if (!text.startsWith('{')) return text;
  const role = str(flags, 'role') ?? 'officer';
  let tokens: Record<string, unknown>;
  try {
    tokens = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliUsageError(`--token-file ${file} holds neither a token nor a JSON object of tokens by role`);
  }
  const picked = tokens[role];
  if (typeof picked !== 'string' || picked === '')
    throw new CliUsageError(`--token-file ${file} holds no ${role} token (--role ${Object.keys(tokens).join('|')})`);
  return picked;
}

export function toRequest(args: readonly string[], flags: Flags): CliRequest {
  const [group, action] = args;
  const key = `${group ?? ''} ${action ?? ''}`.trim();
  switch (key) {
    case 'notice request':
      return {
        method: 'POST',
        path: '/api/notices/requests',
        body: {
          type: required(flags, 'type'),
          ...noticeFields(flags),
          ...defined({ restrictedTo: list(flags['restricted-to']) }),
        },
      };
    case 'notice list':
    case 'notice search': {
      const query = new URLSearchParams(
        defined({
          type: str(flags, 'type'),
          state: str(flags, 'state'),
          name: str(flags, 'name'),
          dateOfBirth: str(flags, 'dob'),
          document: str(flags, 'document'),
          limit: str(flags, 'limit'),
        }) as Record<string, string>,
      );
      return { method: 'GET', path: `/api/notices?${query.toString()}` };
    }
    case 'notice show':
      return { method: 'GET', path: `/api/notices/${enc(positional(args, 2, 'notice number'))}` };
    case 'notice update':
      return {
        method: 'POST',
        path: `/api/notices/${enc(positional(args, 2, 'notice number'))}/update`,
        body: noticeFields(flags),
      };
    case 'notice cancel':
      return {
        method: 'POST',
        path: `/api/notices/${enc(positional(args, 2, 'notice number'))}/cancel`,
        body: { reason: required(flags, 'reason') },
      };
    case 'notice requests':
      return { method: 'GET', path: '/api/notices/requests' };
    case 'review list':
      return { method: 'GET', path: '/api/review/notices' };
    case 'review approve':
      return {
        method: 'POST',
        path: `/api/review/notices/${enc(positional(args, 2, 'request id'))}/approve`,
        body: {},
      };
    case 'review refuse':
      return {
        method: 'POST',
        path: `/api/review/notices/${enc(positional(args, 2, 'request id'))}/refuse`,
        body: { reason: required(flags, 'reason') },
      };
    case 'diffusion send': {
      const to = required(flags, 'to');
      return {
        method: 'POST',
        path: '/api/diffusions',
        body: {
          to: to === 'all' ? 'all' : list(to),
          title: required(flags, 'title'),
          details: required(flags, 'details'),
          ...defined({
            documentNumbers: list(flags.document),
            restrictedTo: list(flags['restricted-to']),
            priority: str(flags, 'priority'),
          }),
        },
      };
    }
    case 'diffusion list':
      return { method: 'GET', path: `/api/diffusions?state=${enc(str(flags, 'state') ?? 'active')}` };
    case 'diffusion withdraw':
      return {
        method: 'POST',
        path: `/api/diffusions/${enc(positional(args, 2, 'diffusion id'))}/withdraw`,
        body: { reason: required(flags, 'reason') },
      };
    case 'operation list':
      return { method: 'GET', path: '/api/operations' };
    case 'operation create':
      return {
        method: 'POST',
        path: `${required(flags, 'registry').replace(/\/$/, '')}/api/operations`,
        token: required(flags, 'token'),
        body: defined({
          id: str(flags, 'id'),
          name: required(flags, 'name'),
          coordinator: required(flags, 'coordinator'),
          participants: list(required(flags, 'participants')),
          start: required(flags, 'start'),
          end: required(flags, 'end'),
        }),
      };
    case 'operation alert':
      return {
        method: 'POST',
        path: `/api/operations/${enc(positional(args, 2, 'operation id'))}/alerts`,
        body: {
          title: required(flags, 'title'),
          details: required(flags, 'details'),
          ...defined({ priority: str(flags, 'priority') }),
        },
      };
    case 'operation alerts':
      return { method: 'GET', path: `/api/operations/${enc(positional(args, 2, 'operation id'))}/alerts` };
    case 'operation reply':
      return {
        method: 'POST',
        path: `/api/operations/alerts/${enc(positional(args, 2, 'alert id'))}/reply`,
        body: { text: required(flags, 'text') },
      };
    case 'operation sent':
      return { method: 'GET', path: `/api/operations/${enc(positional(args, 2, 'operation id'))}/alerts/sent` };
    case 'operation replies':
      return { method: 'GET', path: `/api/operations/${enc(positional(args, 2, 'operation id'))}/replies` };
    case 'dead-letters list': {
      const query = new URLSearchParams(
        defined({ limit: str(flags, 'limit'), dropped: flags.dropped === true ? 'true' : undefined }) as Record<
          string,
          string
        >,
      );
      return { method: 'GET', path: `/api/admin/dead-letters?${query.toString()}` };
    }
    case 'dead-letters show':
      return { method: 'GET', path: `/api/admin/dead-letters/${enc(positional(args, 2, 'dead-letter id'))}` };
    case 'dead-letters release':
      return {
        method: 'POST',
        path: `/api/admin/dead-letters/${enc(positional(args, 2, 'dead-letter id'))}/release`,
        body: {},
      };
    case 'dead-letters drop':
      return { method: 'DELETE', path: `/api/admin/dead-letters/${enc(positional(args, 2, 'dead-letter id'))}` };
    default:
      if (group === 'message' && action) return { method: 'GET', path: `/api/messages/${enc(action)}` };
      throw new CliUsageError(`unknown command "${key}"`);
  }
}

export const USAGE = `usage: npm run cli -- --node <url> (--token T | --token-file FILE [--role R]) <command> [options]
       (prints the JSON answer; exit 1 on a refusal)

  --token       a bearer token of the node's API: its role decides what the node allows (officer:
                messages, notices, diffusions, search, operations; reviewer: review, notice
                update/cancel, diffusion withdraw; coordinator: operation alert). Or --token-file
                FILE (the token, or var/tokens/<code>.json from npm start: --role picks, officer by
                default), or BUREAUNET_TOKEN. A value that starts with '-' must be written --token=VALUE.

  notice request --type red --family-name DOE [--given-names John] [--dob 1980-01-31] [--nationality FR]
                 [--document X123 ...] --offence "…" --expiry 2027-12-31 [--restricted-to IT,ES]
  notice list|search [--type red] [--state active|cancelled|lapsed] [--name "muller jo"] [--dob …] [--document …] [--limit 50]
  notice show <number>            notice requests
  notice update <number> [--expiry …] [--offence …] [--family-name …] …      (hub)
  notice cancel <number> --reason "…"      (hub: cancels everywhere; owner: asks the hub)
  review list | review approve <request-id> | review refuse <request-id> --reason "…"      (hub)
  diffusion send --to MR,FR|all --title "…" --details "…" [--document X123] [--restricted-to IT] [--priority urgent]
  diffusion list [--state active|withdrawn|any] | diffusion withdraw <id> --reason "…"      (hub)
  operation create --registry http://127.0.0.1:3001 --token <coordinator token> [--id op-1] --name "…"
                   --coordinator DK --participants MR,FR,IT --start <ISO> --end <ISO>
  operation list | operation alert <op-id> --title "…" --details "…" | operation alerts <op-id>
  operation sent <op-id>          (alerts sent, each participant delivered / receipted / refused with the rule)
  operation reply <alert-id> --text "…" | operation replies <op-id>
  message <id>                    (delivery and receipt state of anything sent)
  dead-letters list [--dropped] [--limit 50] | dead-letters show <id>      (admin: deliveries parked after failing;
  dead-letters release <id> | dead-letters drop <id>                        --node may be the gateway's URL too)`;
