import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, ValidateBy } from 'class-validator';
import {
  envelopeMetaSchema,
  isBureauCode,
  schemaIssues,
  MESSAGE_KINDS,
  type EnvelopeMeta,
  type MessageKind,
  type RecipientScope,
} from '@bureaunet/contracts';
import { ANY_JSON_SCHEMA } from '../message/message.dto';

/** Officers send every kind but receipts, which only the node makes. */
export const SENDABLE_KINDS = MESSAGE_KINDS.filter((kind) => kind !== 'receipt');
export type SendableKind = Exclude<MessageKind, 'receipt'>;

const MAX_RECIPIENTS = 300;

/** What is wrong with a `to` value, or undefined when it is "all" or a list of distinct bureau codes. */
export function recipientScopeProblem(value: unknown): string | undefined {
  if (value === 'all') return undefined;
  if (!Array.isArray(value)) return 'to must be "all" or an array of bureau codes';
  if (value.length === 0) return 'to must name at least one bureau';
  if (value.length > MAX_RECIPIENTS) return `to must name at most ${MAX_RECIPIENTS} bureaus`;
  const bad = value.findIndex((code) => !isBureauCode(code));
  if (bad >= 0) return `to[${bad}] must be a two-letter upper-case bureau code, got ${JSON.stringify(value[bad])}`;
  // Every element is a bureau code by now (checked just above).
  const twice = (value as string[]).find((code, index) => value.indexOf(code) !== index);
  if (twice !== undefined) return `to names ${String(twice)} more than once`;
  return undefined;
}

/** What is wrong with a `meta` value, per the envelope schema; receiptFor belongs to receipts only. */
export function metaProblem(value: unknown): string | undefined {
  const checked = envelopeMetaSchema.safeParse(value);
  if (!checked.success) {
    return schemaIssues(checked.error, 'meta');
  }
  if (checked.data.receiptFor) return 'meta.receiptFor: is set by the node on receipts only';
  return undefined;
}

function SatisfiesCheck(name: string, problem: (value: unknown) => string | undefined): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value) => problem(value) === undefined,
      defaultMessage: (args) => problem(args?.value) ?? `${args?.property ?? 'value'} is invalid`,
    },
  });
}

export class SendMessageDto {
  @ApiProperty({ enum: SENDABLE_KINDS, example: 'diffusion' })
  @IsIn(SENDABLE_KINDS)
  kind!: SendableKind;

  @ApiProperty({
    description: 'Bureau codes, or "all" for every active enrolled bureau and the hub',
    oneOf: [
      { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' }, minItems: 1, maxItems: MAX_RECIPIENTS },
      { type: 'string', enum: ['all'] },
    ],
    example: ['FR', 'DE'],
  })
  @SatisfiesCheck('isRecipientScope', recipientScopeProblem)
  to!: RecipientScope;

  @ApiPropertyOptional({
    description:
      'Routing data the gateway reads (never personal data): noticeType, operationId, restrictedTo, replyTo, priority',
    type: 'object',
    additionalProperties: true,
    example: { priority: 'urgent' },
  })
  @IsOptional()
  @SatisfiesCheck('isEnvelopeMeta', metaProblem)
  meta?: EnvelopeMeta;

  @ApiProperty({
    description: 'Any JSON value but null; encrypted end to end for the addressees',
    example: { subject: 'Stolen passport', number: 'X1234567' },
    ...ANY_JSON_SCHEMA,
  })
  @IsDefined({ message: 'body is required (any JSON value but null)' })
  body!: unknown;
}

export class MessageCreatedDto {
  @ApiProperty({ description: 'The envelope id (UUIDv7)' })
  id!: string;
}
