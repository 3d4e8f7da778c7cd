import { request as httpsRequest } from 'node:https';

/** Statuses whose Response may carry no body (the Response constructor throws on one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A fetch that trusts `ca` (PEM) besides the system's roots for https URLs: tests and scripts
 * make the local CA after they start, too late for NODE_EXTRA_CA_CERTS, and Node's fetch takes no
 * CA of its own (its dispatcher's package, undici, is not ours to import). Without a CA, plain fetch.
 */
export function fetchTrusting(ca: string | undefined): typeof fetch {
  if (ca === undefined) return (input, init) => fetch(input, init);
  return async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith('https:')) return fetch(request);
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(
        request.url,
        { method: request.method, headers: Object.fromEntries(request.headers), ca, signal: request.signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const status = incoming.statusCode ?? 0;
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers))
              for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
                headers.append(name, item);
            const payload = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
            resolve(new Response(payload, { status, statusText: incoming.statusMessage, headers }));
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
