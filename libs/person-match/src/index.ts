export * from './person-match.errors';
export { NAME_PARTICLES, NAME_VARIANT_RULES } from './name-variants.data';
export { foldName, personName, type NameToken, type PersonName } from './person-name';
export { parseBirthDate, compareBirthDates, type BirthDate, type BirthDateAgreement } from './date-of-birth';
export { compareNames, compareTokens, NAME_AGREEMENT_WEIGHTS, type NameAgreement } from './name-comparison';
export * from './person-score';
export * from './person-match.options';
export { matchPersons } from './person-match.reference';
export { PersonIndex } from './person.index';
