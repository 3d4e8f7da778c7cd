import { DomainError } from '@bureaunet/contracts';
import { readBoundedBody, ResponseTooLargeError } from '@bureaunet/platform';

/** A trail of 1,024 entries with 64-hash proofs is about 4 MB: anything far larger is not an answer. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * GET of one JSON answer from the gateway or the registry with a bearer token: bounded in time and
 * size, and every failure a 503 naming the source and the piece it was asked for.
 */
export class EvidenceHttpClient {
  constructor(
    /** Names the source in errors ("the gateway", "the registry"). */
    private readonly source: string,
    private readonly baseUrl: string | undefined,
    private readonly token: string | undefined,
    /** The variables that configure it, for the error when they are unset. */
    private readonly variables: string,
  ) {}

  async getJson(path: string, piece: string): Promise<unknown> {
    const { text, pathname } = await this.getText(path, piece);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw unavailable(`${piece}: ${this.source} answered GET ${pathname} with something other than JSON`);
    }
  }

  async getText(path: string, piece: string): Promise<{ text: string; pathname: string }> {
    if (!this.baseUrl || !this.token)
      throw unavailable(`${piece}: this node is not configured to ask ${this.source} (${this.variables})`);
    const url = new URL(path, this.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw unavailable(`${piece}: cannot reach ${this.source} at ${url.origin}: ${reasonOf(error)}`);
    }
    const text = await boundedText(response, piece, this.source);
    if (!response.ok) {
      const code = response.status === 404 ? 'evidence-incomplete' : 'evidence-source-unavailable';
      const detail = text.slice(0, 300);
      throw new DomainError(
        code,
        `${piece}: ${this.source} answered HTTP ${response.status} to GET ${url.pathname}${detail ? `: ${detail}` : ''}`,
        response.status === 404 ? 'conflict' : 'unavailable',
      );
    }
    return { text, pathname: url.pathname };
  }
}

async function boundedText(response: Response, piece: string, source: string): Promise<string> {
  try {
    return (await readBoundedBody(response, MAX_ANSWER_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof ResponseTooLargeError)
      throw unavailable(`${piece}: ${source}'s answer is larger than ${MAX_ANSWER_BYTES} bytes`);
    throw error;
  }
}

function unavailable(message: string): DomainError {
  return new DomainError('evidence-source-unavailable', message, 'unavailable');
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
