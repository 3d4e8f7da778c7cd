import { createZodDto } from 'nestjs-zod';
import { renewRequestSchema } from '@bureaunet/contracts';

/**
 * The contract's renewRequestSchema, which the NATS handler applies too. `request`: flattened JWS
 * (JSON) by the current signing key, typ bureaunet-renewal+jws, over {code, signingCsr,
 * encryptionKey, encryptionKeyBinding, iat}.
 */
export class RenewRequestDto extends createZodDto(renewRequestSchema) {}
