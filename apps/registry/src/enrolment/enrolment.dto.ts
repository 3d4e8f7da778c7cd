import { ApiProperty } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { bureauCodeSchema, type EnrolResponse } from '@bureaunet/contracts';
import { enrolRequestBodySchema } from './enrol-request';
import type { IssuedEnrolmentToken } from './enrolment.service';

/** The contract's enrolRequestSchema, which the NATS handler applies too, with the token left to the service. */
export class EnrolRequestDto extends createZodDto(enrolRequestBodySchema) {}

export class EnrolResponseDto implements EnrolResponse {
  @ApiProperty({ example: 'FR' })
  code!: string;

  @ApiProperty({ description: 'PEM' })
  caCertificate!: string;

  @ApiProperty({ description: 'PEM, Ed25519, keyUsage digitalSignature' })
  signingCertificate!: string;

  @ApiProperty({ description: 'PEM, X25519, keyUsage keyAgreement' })
  encryptionCertificate!: string;
}

export class CreateEnrolmentTokenDto extends createZodDto(z.object({ code: bureauCodeSchema }).strict()) {}

export class EnrolmentTokenDto implements IssuedEnrolmentToken {
  @ApiProperty({ example: 'FR' })
  code!: string;

  @ApiProperty({ description: '32 random bytes, base64url; shown once, the registry keeps only its SHA-256' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
