import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class EvidenceQueryDto extends createZodDto(
  z
    .object({
      plaintext: z
        .enum(['true', 'false'])
        .optional()
        .describe(
          "true: add {cek, content}, this message's content key and decrypted content; only a recipient's node holds them (409 plaintext-not-held at the sender's)",
        ),
    })
    .strict(),
) {}
