import { ApiTokenEntity } from './api-token.entity';
import { PersonSessionEntity } from './person-session.entity';
import { PersonEntity } from './person.entity';
import { SignInLinkEntity } from './sign-in-link.entity';

/** The tables of a service's people: each service that has accounts lists these among its entities. */
export const ACCOUNT_ENTITIES = [PersonEntity, PersonSessionEntity, ApiTokenEntity, SignInLinkEntity];
