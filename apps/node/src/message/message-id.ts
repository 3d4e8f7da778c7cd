import { receiptReferenceSchema } from '@bureaunet/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

// The envelope id rule (UUID or ULID) is not exported on its own; the receipt reference carries it.
const envelopeIdSchema = receiptReferenceSchema.shape.id;

export function isEnvelopeId(value: unknown): value is string {
  return envelopeIdSchema.safeParse(value).success;
}

/** class-validator: the value is an envelope id (UUID, lower-case hex, or ULID). */
export function IsEnvelopeId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEnvelopeId',
      validator: {
        validate: (value) => isEnvelopeId(value),
        defaultMessage: (args) => `${args?.property ?? 'id'} must be a message id (a lower-case UUID or a ULID)`,
      },
    },
    options,
  );
}
