import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { bureauCodeSchema, declarationSchema, MAX_POLICY_TEXT_LENGTH, MESSAGE_KINDS } from '@bureaunet/contracts';

const policyText = z.string().max(MAX_POLICY_TEXT_LENGTH);
// Checked field by field by the service (rules-invalid, or the envelope meta schema) once present.
const anyObject = z.record(z.unknown());

export class ChangeRulesDto extends createZodDto(
  z
    .object({
      policies: policyText
        .optional()
        .describe(
          'The new Cedar policy text; every policy needs @id, forbids may carry @refusal and @reason. Validated against the schema first.',
        ),
      limits: anyObject
        .optional()
        .describe('Rate limits: {default: {messagesPerMinute, recipientsPerMessage}, bureaus: {CODE: {...}}}'),
    })
    .strict(),
) {}

export class CheckRulesDto extends createZodDto(
  z
    .object({
      sender: bureauCodeSchema,
      recipient: bureauCodeSchema,
      kind: z.enum(MESSAGE_KINDS),
      meta: anyObject.optional().describe('The envelope meta: restrictedTo, operationId, noticeType, priority…'),
      policies: policyText
        .optional()
        .describe('A candidate policy text to try instead of the set in force (nothing is stored)'),
    })
    .strict(),
) {}

export class CreateDeclarationDto extends createZodDto(
  declarationSchema
    .pick({ declarer: true, counterpart: true, type: true })
    .describe(
      'type refuses-diffusions-from: the declarer accepts no diffusions from the counterpart; does-not-send-to: the declarer sends nothing to it',
    ),
) {}

export class DeclarationIdParamDto extends createZodDto(
  z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a declaration id (UUID)') }).strict(),
) {}
