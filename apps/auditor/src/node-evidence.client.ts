import { GatewayUnusable } from './audit.errors';

const REQUEST_TIMEOUT_MS = 120_000;
/** The largest bundle the format allows is far below this; a larger answer is not a bundle. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export interface FetchedEvidence {
  /** The bundle's bytes exactly as the node served them: saved as they are. */
  bytes: Buffer;
  /** What the node says it left out by design (x-evidence-omitted), when it does. */
  omitted?: string;
}

/** GET /api/messages/:id/evidence at a bureau's node, with its token and the stated purpose. */
export async function fetchNodeEvidence(options: {
  node: URL;
  token: string;
  messageId: string;
  purpose?: string;
  plaintext: boolean;
}): Promise<FetchedEvidence> {
  const url = new URL(`/api/messages/${encodeURIComponent(options.messageId)}/evidence`, options.node.origin);
  if (options.plaintext) url.searchParams.set('plaintext', 'true');
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
  // Percent-encoded UTF-8, as the node reads it (headers are Latin-1 on the wire).
  if (options.purpose) headers['x-purpose'] = encodeURIComponent(options.purpose);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new GatewayUnusable(`cannot reach ${url.origin}: ${cause}`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_BUNDLE_BYTES) throw new GatewayUnusable(`the node's answer is over ${MAX_BUNDLE_BYTES} bytes`);
  if (!response.ok) {
    const { code, reason } = parseError(bytes);
    throw new GatewayUnusable(
      `GET ${url.pathname}${url.search}: HTTP ${response.status} ${code ?? ''}${reason ? `: ${reason}` : ''}`,
    );
  }
  return { bytes, omitted: response.headers.get('x-evidence-omitted') ?? undefined };
}

function parseError(bytes: Buffer): { code?: string; reason?: string } {
  try {
    return JSON.parse(bytes.toString('utf8')) as { code?: string; reason?: string };
  } catch {
    return { reason: bytes.toString('utf8').slice(0, 200) };
  }
}
