import { request } from 'node:https';

export interface HttpCallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  text: string;
}

/**
 * One HTTP call, trusting `ca` (PEM) besides the system's roots when given: the test process and
 * scripts make the local CA after they start, too late for NODE_EXTRA_CA_CERTS, and Node's fetch
 * takes no CA of its own. Without a CA, plain fetch.
 */
export async function httpCall(url: string, init: HttpCallInit = {}, ca?: string): Promise<HttpAnswer> {
  if (ca === undefined || !url.startsWith('https:')) {
    const response = await fetch(url, { method: init.method, headers: init.headers, body: init.body });
    return { status: response.status, ok: response.ok, text: await response.text() };
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, ca }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const status = incoming.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300, text: Buffer.concat(chunks).toString('utf8') });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}
