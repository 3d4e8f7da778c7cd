import { CliUsageError } from '../cli.errors';

/** How the CLI asks a person for a secret: on the terminal without echo, or from standard input. */
export interface SecretPrompt {
  /** Asks on the terminal, echoing nothing; a CliUsageError when there is no terminal. */
  hidden(question: string): Promise<string>;
  /** All of standard input (`--password-stdin`), at most MAX_STDIN_BYTES. */
  stdinText(): Promise<string>;
}

/** A password and a TOTP code fit many times over; more is not a secret piped on purpose. */
export const MAX_STDIN_BYTES = 4096;

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/** The process's terminal: the question on standard error, the answer read in raw mode. */
export function terminalPrompt(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): SecretPrompt {
  return {
    hidden: (question) => {
      if (!stdin.isTTY)
        return Promise.reject(new CliUsageError('no terminal to ask on: pipe the password with --password-stdin'));
      stderr.write(question);
      return new Promise<string>((resolve, reject) => {
        let answer = '';
        const finish = (error?: Error) => {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stderr.write('\n');
          if (error) reject(error);
          else resolve(answer);
        };
        const onData = (chunk: Buffer) => {
          for (const char of chunk.toString('utf8')) {
            if (char === CTRL_C) return finish(new CliUsageError('interrupted'));
            if (ENTER.has(char) || char === CTRL_D) return finish();
            if (BACKSPACE.has(char)) answer = answer.slice(0, -1);
            else if (answer.length < MAX_STDIN_BYTES) answer += char;
          }
          return undefined;
        };
        stdin.setRawMode(true);
        stdin.resume();
        stdin.on('data', onData);
      });
    },
    stdinText: async () => {
      if (stdin.isTTY)
        throw new CliUsageError('--password-stdin reads a pipe, not the terminal: leave it out to be asked');
      let text = '';
      for await (const chunk of stdin as AsyncIterable<Buffer>) {
        text += chunk.toString('utf8');
        if (text.length > MAX_STDIN_BYTES)
          throw new CliUsageError(`standard input holds more than ${MAX_STDIN_BYTES} bytes: not a password`);
      }
      return text;
    },
  };
}

/** `--password-stdin`'s text: the password on the first line, an optional TOTP code on the second. */
export function secretsFromStdin(text: string): { password: string; totp?: string } {
  const [password = '', totp] = text.split(/\r?\n/);
  if (password === '') throw new CliUsageError('--password-stdin: the first line of standard input is empty');
  return totp?.trim() ? { password, totp: totp.trim() } : { password };
}
