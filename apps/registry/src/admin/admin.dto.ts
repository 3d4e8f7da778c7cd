import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CertificateSerialParamDto {
  @ApiProperty({
    example: '5f0c1a7e9b2d4c3a8e6f10b2c4d6e8fa',
    description: 'Hex serial number, as the directory lists it',
  })
  @Matches(/^[0-9a-fA-F]{2,64}$/, { message: 'serial must be a hex serial number (2 to 64 hex digits, no separators)' })
  serial!: string;
}
