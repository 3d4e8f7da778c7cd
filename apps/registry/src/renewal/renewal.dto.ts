import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BUREAU_CODE_PATTERN, type RenewRequest } from '@bureaunet/contracts';
import { BUREAU_CODE_MESSAGE } from '../directory/directory.dto';

/** Same limits as the contract's renewRequestSchema, which the NATS handler applies. */
export class RenewRequestDto implements RenewRequest {
  @ApiProperty({ example: 'FR' })
  @Matches(BUREAU_CODE_PATTERN, { message: BUREAU_CODE_MESSAGE })
  code!: string;

  @ApiProperty({
    description:
      'Flattened JWS (JSON) by the current signing key, typ bureaunet-renewal+jws, over {code, signingCsr, encryptionKey, encryptionKeyBinding, iat}',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(32_768)
  request!: string;
}
