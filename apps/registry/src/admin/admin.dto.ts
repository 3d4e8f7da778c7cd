import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CertificateSerialParamDto extends createZodDto(
  z
    .object({
      serial: z
        .string()
        .regex(/^[0-9a-fA-F]{2,64}$/, 'must be a hex serial number (2 to 64 hex digits, no separators)')
        .describe('Hex serial number, as the directory lists it'),
    })
    .strict(),
) {}
