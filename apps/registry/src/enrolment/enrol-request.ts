import { z } from 'zod';
import { enrolRequestSchema } from '@bureaunet/contracts';

/**
 * The contract's request with the token left to the service: a missing token is refused as
 * 'enrolment-token-invalid', like an unknown one, not as a malformed request.
 */
export const enrolRequestBodySchema = enrolRequestSchema.extend({ token: z.string().max(256).optional() });
export type EnrolRequestBody = z.infer<typeof enrolRequestBodySchema>;
