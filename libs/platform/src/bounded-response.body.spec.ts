import { readBoundedBody, ResponseTooLargeError } from './bounded-response.body';

/** A body sent in chunks with no declared length, as a peer streaming without end would. */
function streamed(chunks: number, size: number): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size));
      else controller.close();
    },
  });
  return new Response(body);
}

describe('readBoundedBody', () => {
  it('reads a body within the bound whole', async () => {
    expect((await readBoundedBody(new Response('twelve bytes'), 12)).toString()).toBe('twelve bytes');
  });

  it('refuses a declared length over the bound before reading', async () => {
    // One byte sent, twenty declared: refused on the declaration alone.
    const response = new Response('x', { headers: { 'content-length': '20' } });
    await expect(readBoundedBody(response, 10)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('stops reading a stream that runs past the bound, whatever it declared', async () => {
    await expect(readBoundedBody(streamed(1_000_000, 1024), 64 * 1024)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      maxBytes: 64 * 1024,
    });
  });
});
