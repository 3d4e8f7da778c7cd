import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '@bureaunet/platform';

/** The ledger is read by auditors and administrators only: 401 without a token, 403 for others. */
export const AuditorOnly = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'token-missing | token-invalid' }),
    ApiForbiddenResponse({ description: 'role-forbidden: only auditor and admin' }),
    Roles('auditor', 'admin'),
  );
