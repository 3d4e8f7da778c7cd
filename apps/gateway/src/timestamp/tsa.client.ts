import { readBoundedBody, ResponseTooLargeError } from '@bureaunet/platform';
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
  try {
    return await readBoundedBody(response, TIMESTAMP_LIMITS.responseBytes);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw new Error(`the TSA's response is over ${error.maxBytes} bytes`);
    throw error;
  }
}
