import { z } from 'zod';
import { MAX_CONSENT_TEXT_LENGTH } from './consent.dto';

/** The encrypted body of a consent-request: the asker's words. */
export const consentRequestBodySchema = z.object({ note: z.string().max(MAX_CONSENT_TEXT_LENGTH).optional() }).strict();

/** The encrypted body of a consent-decision: a refusal's reason. */
export const consentDecisionBodySchema = z
  .object({ reason: z.string().max(MAX_CONSENT_TEXT_LENGTH).optional() })
  .strict();
