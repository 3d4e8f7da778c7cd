import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';

export const ROLES_KEY = 'bureaunet:roles';

/** Only these roles may call the route; RoleGuard refuses everyone else (deny by default). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
