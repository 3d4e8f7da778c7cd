import {
  DomainError,
  bureauCodeSchema,
  evaluateRequestSchema,
  schemaIssues,
  type BureauCode,
} from '@bureaunet/contracts';

/** The wire code of every malformed request (EVALUATOR_ERROR_CODES). */
export const BAD_REQUEST = 'bad-request';

export interface ParsedEvaluateRequest {
  /** The POPRF public input: the issuing country's code. */
  info: string;
  blindedElements: Uint8Array[];
}

/** Who asks: the subject's last token, which the broker lets only that bureau's node publish on. */
export function askingBureau(subject: string): BureauCode {
  const bureau = bureauCodeSchema.safeParse(subject.slice(subject.lastIndexOf('.') + 1));
  if (!bureau.success)
    throw new DomainError(BAD_REQUEST, `subject ${subject} does not end with a bureau code`, 'invalid');
  return bureau.data;
}

/**
 * Reads one evaluation request's body against evaluateRequestSchema; refuses with 'bad-request' and
 * a sentence naming the field. Whether each element is a valid ristretto255 encoding is the POPRF's
 * check, made when it evaluates.
 */
export function parseEvaluateRequest(body: unknown): ParsedEvaluateRequest {
  const request = evaluateRequestSchema.safeParse(body);
  if (!request.success) throw new DomainError(BAD_REQUEST, schemaIssues(request.error, 'body'), 'invalid');
  return {
    info: request.data.info,
    blindedElements: request.data.blindedElements.map((element) => new Uint8Array(Buffer.from(element, 'base64url'))),
  };
}
