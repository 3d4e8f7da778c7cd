import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOpensslTsa, type OpensslTsa, type TsaKeyType } from '../../timestamp/src/testing/openssl-tsa';

/** A TimeStampReq is about 60–100 bytes; anything larger is refused before it is read. */
const MAX_QUERY_BYTES = 4096;

/** A local RFC 3161 time-stamping authority over HTTP (RFC 3161 §3.4), for tests and `npm start`. */
export interface LocalTsa {
  /** The URL to POST `application/timestamp-query` to. */
  url: string;
  /** PEM and path of the TSA's CA: what TSA_CA_FILE names. */
  caPem: string;
  caPath: string;
  /** Queries answered with a response, granted or not. */
  readonly answered: number;
  /** Stops listening (the TSA is down: connections are refused) until `resume`, same port and keys. */
  suspend(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a node:http server that answers each POSTed query with `openssl ts -reply` under a CA
 * and TSA certificate made at start: in a temp dir that `stop` removes, or kept in `dir`.
 */
export async function startLocalTsa(
  options: { port?: number; host?: string; key?: TsaKeyType; dir?: string } = {},
): Promise<LocalTsa> {
  const tsa = await createOpensslTsa({ key: options.key ?? 'ec', name: 'bureaunet local TSA', dir: options.dir });
  let answered = 0;
  const server = createServer((request, response) => {
    answer(tsa, request, response).then(
      (granted) => (answered += granted ? 1 : 0),
      (error: unknown) =>
        send(response, 500, `the TSA failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    caPem: tsa.caPem,
    caPath: tsa.caPath,
    get answered() {
      return answered;
    },
    suspend: () => close(server),
    resume: () => listen(server, port, host),
    stop: async () => {
      if (server.listening) await close(server);
      await tsa.remove();
    },
  };
}

async function answer(tsa: OpensslTsa, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'POST') return send(response, 405, 'POST a time-stamp query');
  if (request.headers['content-type'] !== 'application/timestamp-query')
    return send(response, 415, 'the content type must be application/timestamp-query');
  if (Number(request.headers['content-length'] ?? 0) > MAX_QUERY_BYTES)
    return send(response, 413, `a query is at most ${MAX_QUERY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_QUERY_BYTES) return send(response, 413, `a query is at most ${MAX_QUERY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const reply = await tsa.reply(Buffer.concat(chunks));
  response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': reply.length });
  response.end(reply);
  return true;
}

function send(response: ServerResponse, status: number, text: string): false {
  if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
  response.end(`${text}\n`);
  return false;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
