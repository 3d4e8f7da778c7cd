#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CliUsageError, cliToken, toRequest, USAGE, type CliRequest } from './cli.commands';

/** bureaunet CLI: the node's workflow steps for scripts (`npm run cli -- --node <url> …`). */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      node: { type: 'string', default: process.env.BUREAUNET_NODE ?? 'http://127.0.0.1:3100' },
      help: { type: 'boolean', short: 'h' },
      type: { type: 'string' },
      state: { type: 'string' },
      name: { type: 'string' },
      'family-name': { type: 'string' },
      'given-names': { type: 'string' },
      dob: { type: 'string' },
      nationality: { type: 'string' },
      document: { type: 'string', multiple: true },
      offence: { type: 'string' },
      expiry: { type: 'string' },
      'restricted-to': { type: 'string', multiple: true },
      reason: { type: 'string' },
      limit: { type: 'string' },
      to: { type: 'string' },
      title: { type: 'string' },
      details: { type: 'string' },
      priority: { type: 'string' },
      text: { type: 'string' },
      registry: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      coordinator: { type: 'string' },
      participants: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      dropped: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const request = toRequest(positionals, values);
  const token = request.token ?? cliToken(values, process.env, (path) => readFileSync(path, 'utf8'));
  const { status, body } = await perform(values.node, { ...request, token });
  console.log(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return status >= 200 && status < 300 ? 0 : 1;
}

async function perform(node: string, request: CliRequest): Promise<{ status: number; body: unknown }> {
  const url = /^https?:\/\//.test(request.path) ? request.path : `${node.replace(/\/$/, '')}${request.path}`;
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const response = await fetch(url, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: printed as is
  }
  return { status: response.status, body };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof CliUsageError ||
      (error instanceof Error &&
        'code' in error &&
        String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
