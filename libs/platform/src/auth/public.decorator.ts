import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'bureaunet:public';

/**
 * The route needs no bearer token: readable by anyone who reaches the port, or authenticated by
 * its body (an enrolment token, a signed renewal). Everything else names its roles with @Roles.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
