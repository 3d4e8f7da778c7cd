export * from './travel-document.errors';
export * from './document-number';
export * from './icao-issuer';
export { ISO_3166_ALPHA3_TO_ALPHA2 } from './iso-3166.data';
export type { MrzFormat } from './mrz-lines.check';
export * from './mrz.parser';
export * from './record-index';
export * from './sealed-record';
