import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { DomainError, schemaIssues } from '@bureaunet/contracts';

/** Parses zod DTOs (createZodDto); a mismatch is a 400 {code: invalid-request, reason: "field: problem; …"}. */
export const ZodRequestPipe = createZodValidationPipe({
  createValidationException: (error: unknown) =>
    error instanceof ZodError ? new DomainError('invalid-request', schemaIssues(error), 'invalid') : (error as Error),
});

/** While class-validator DTOs remain: zod DTOs to ZodRequestPipe, the others to class-validator. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  private readonly zod = new ZodRequestPipe();
  private readonly classes = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const zodDto = typeof metadata.metatype === 'function' && 'isZodDto' in metadata.metatype;
    return zodDto ? this.zod.transform(value, metadata) : this.classes.transform(value, metadata);
  }
}
