#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runCli } from './cli.program';
import { packageVersion } from './package-version';
import { terminalPrompt } from './profile/terminal.prompt';

runCli(process.argv.slice(2), {
  env: process.env,
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  prompt: terminalPrompt(process.stdin, process.stderr),
  version: packageVersion(__dirname),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Not a refusal: the service could not be reached, or answered what no client expects.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    process.exit(1);
  },
);
