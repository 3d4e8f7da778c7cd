import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUREAU_CODE_PATTERN, type EnrolResponse } from '@bureaunet/contracts';
import { BUREAU_CODE_MESSAGE } from '../directory/directory.dto';
import type { EnrolRequestBody } from './enrol-request';
import type { IssuedEnrolmentToken } from './enrolment.service';

/** Same limits as the contract's enrolRequestSchema, which the NATS handler applies. */
export class EnrolRequestDto implements EnrolRequestBody {
  @ApiProperty({ example: 'FR' })
  @Matches(BUREAU_CODE_PATTERN, { message: BUREAU_CODE_MESSAGE })
  code!: string;

  @ApiPropertyOptional({
    description: 'One-time enrolment token from the administrator (refused as enrolment-token-invalid when missing)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  token?: string;

  @ApiProperty({ description: 'PEM PKCS#10 request for the Ed25519 signing key, subject CN=<code>' })
  @IsString()
  @MaxLength(8192)
  signingCsr!: string;

  @ApiProperty({ description: 'PEM SPKI X25519 public key' })
  @IsString()
  @MaxLength(4096)
  encryptionKey!: string;

  @ApiProperty({ description: 'Compact JWS by the Ed25519 key over {code, encryptionKey, iat}' })
  @IsString()
  @MaxLength(8192)
  encryptionKeyBinding!: string;
}

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

export class CreateEnrolmentTokenDto {
  @ApiProperty({ example: 'FR' })
  @Matches(BUREAU_CODE_PATTERN, { message: BUREAU_CODE_MESSAGE })
  code!: string;
}

export class EnrolmentTokenDto implements IssuedEnrolmentToken {
  @ApiProperty({ example: 'FR' })
  code!: string;

  @ApiProperty({ description: '32 random bytes, base64url; shown once, the registry keeps only its SHA-256' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
