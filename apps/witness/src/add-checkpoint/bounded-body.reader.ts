import type { IncomingMessage } from 'node:http';
import { DomainError } from '@bureaunet/contracts';

/**
 * The raw request body as UTF-8 text, refused past maxBytes before it is all read (a declared
 * Content-Length over the bound is refused before any byte), and refused if not valid UTF-8.
 */
export async function readBoundedText(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      request.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new DomainError('malformed-request', 'the request body is not valid UTF-8');
  }
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('too-large', `request body exceeds the limit of ${maxBytes} bytes`, 'too-large');
}
