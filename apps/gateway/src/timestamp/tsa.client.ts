import { TIMESTAMP_LIMITS } from '@bureaunet/timestamp';

/** Asks an RFC 3161 TSA over HTTP (§3.4): one bounded POST, the response's DER or a reason. */
export async function postTimestampQuery(url: string, query: Buffer, timeoutMs: number): Promise<Buffer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
    body: query,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`the TSA answered HTTP ${response.status}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/timestamp-reply')) {
    await response.body?.cancel();
    throw new Error(`the TSA answered ${type || 'no content type'}, not application/timestamp-reply`);
  }
  return readBounded(response, TIMESTAMP_LIMITS.responseBytes);
}

async function readBounded(response: Response, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > maxBytes) throw new Error(`the TSA's response is over ${maxBytes} bytes`);
    chunks.push(chunk as Uint8Array);
  }
  return Buffer.concat(chunks);
}
