/** A refusal by one of the services' HTTP APIs: the status and the parsed body (usually `{code, reason}`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

/**
 * The data of an openapi-fetch answer, or an HttpError for a refusal. An empty refusal body reads
 * as undefined, as the clients have always reported it.
 */
export function answerOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.ok) return answer.data as T;
  throw new HttpError(answer.response.status, answer.error === '' ? undefined : answer.error);
}
