import type { Role } from '@bureaunet/platform/stateless';
import type { PersonEntity } from './person.entity';
import type { Locale } from './person.fields';

/** A person as the consoles and the CLI see them: never a hash, a secret or a counter. */
export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  borderPost?: string;
  locale: Locale;
  timeZone: string;
  /** Whether a second factor (TOTP) is enrolled. */
  totp: boolean;
}

/** What an administrator sees besides: whether the person may sign in, and when they last did. */
export interface PersonAdminView extends PersonView {
  disabled: boolean;
  /** Only while locked. */
  lockedUntil?: string;
  lastSignInAt?: string;
}

export function personView(person: PersonEntity): PersonView {
  return {
    id: person.id,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    ...(person.borderPost ? { borderPost: person.borderPost } : {}),
    locale: person.locale,
    timeZone: person.timeZone,
    totp: person.totpSecret !== null,
  };
}

export function personAdminView(person: PersonEntity, now: Date): PersonAdminView {
  const locked = person.lockedUntil !== null && Date.parse(person.lockedUntil) > now.getTime();
  return {
    ...personView(person),
    disabled: person.disabled,
    ...(locked ? { lockedUntil: person.lockedUntil! } : {}),
    ...(person.lastSignInAt ? { lastSignInAt: person.lastSignInAt } : {}),
  };
}
