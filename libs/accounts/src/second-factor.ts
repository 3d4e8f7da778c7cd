import type { PersonEntity } from './person.entity';

export const SECOND_FACTOR = Symbol('SECOND_FACTOR');

/**
 * The step after a right password. The default asks for nothing; the TOTP module provides one
 * that asks a person who enrolled for their current code.
 */
export interface SecondFactor {
  required(person: PersonEntity): boolean;
  verify(person: PersonEntity, code: string): Promise<boolean>;
}

export const NO_SECOND_FACTOR: SecondFactor = {
  required: () => false,
  verify: () => Promise.resolve(false),
};
