import { readFileSync } from 'node:fs';

export interface HttpsOptions {
  cert: Buffer;
  key: Buffer;
}

/**
 * TLS_CERT_FILE and TLS_KEY_FILE (PEM): when both are set, the service listens on HTTPS only.
 * One without the other is a configuration error, named, rather than a silent plain listener.
 */
export function readHttpsOptions(env: NodeJS.ProcessEnv = process.env): HttpsOptions | undefined {
  const certFile = env['TLS_CERT_FILE'];
  const keyFile = env['TLS_KEY_FILE'];
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile)
    throw new Error(
      `TLS_CERT_FILE and TLS_KEY_FILE go together: only ${certFile ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE'} is set`,
    );
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
