import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NOTICE_STATES, NOTICE_TYPES, noticeSubjectSchema } from '@bureaunet/contracts';
import { queryInteger } from '@bureaunet/platform';

const MAX_SEARCH_RESULTS = 500;

export class NoticeSearchDto extends createZodDto(
  z
    .object({
      type: z.enum(NOTICE_TYPES).optional(),
      state: z.enum(NOTICE_STATES).optional().describe('lapsed = active but past its review-by date'),
      name: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('Words of the name, accent- and case-insensitive; each matches the start of a name word'),
      dateOfBirth: noticeSubjectSchema.shape.dateOfBirth,
      document: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .describe('A travel document number (spaces, dashes and case ignored)'),
      limit: queryInteger(1, MAX_SEARCH_RESULTS).optional().describe('At most this many, 50 when absent'),
    })
    .strict(),
) {}
