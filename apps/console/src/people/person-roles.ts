import type { Role, ServiceView } from '../api/session';
import type { PEOPLE_STRINGS } from './people.strings';

type PeopleKey = keyof (typeof PEOPLE_STRINGS)['en'];

/** The roles a service's administrator may give (the service refuses any other anyway). */
export function assignableRoles(service: ServiceView): Role[] {
  switch (service.kind) {
    case 'registry':
      return ['admin'];
    case 'gateway':
      return ['admin', 'auditor'];
    case 'node':
      return service.hub
        ? ['officer', 'reviewer', 'coordinator', 'border-officer', 'admin']
        : ['officer', 'coordinator', 'border-officer', 'admin'];
  }
}

export const ROLE_LABEL: Record<Role, PeopleKey> = {
  admin: 'roleAdmin',
  auditor: 'roleAuditor',
  officer: 'roleOfficer',
  'border-officer': 'roleBorderOfficer',
  coordinator: 'roleCoordinator',
  reviewer: 'roleReviewer',
};
