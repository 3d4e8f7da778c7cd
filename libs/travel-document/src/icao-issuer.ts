import type { BureauCode } from '@bureaunet/contracts';
import { ISO_3166_ALPHA3_TO_ALPHA2 } from './iso-3166.data';
import { TravelDocumentError } from './travel-document.errors';

const ISO_ALPHA2 = new Map(Object.entries(ISO_3166_ALPHA3_TO_ALPHA2));

/**
 * ICAO 9303 Part 3's codes outside ISO 3166-1 alpha-3, each decided here, explicitly: a bureau
 * code, or the reason no bureau reports for it.
 */
const ICAO_OWN_CODES: ReadonlyMap<string, BureauCode | { refused: string }> = new Map<
  string,
  BureauCode | { refused: string }
>([
  // Germany writes D (padded D<<), not DEU.
  ['D', 'DE'],
  // British passports for the other classes of British nationality, all issued under UK authority.
  ['GBD', 'GB'],
  ['GBN', 'GB'],
  ['GBO', 'GB'],
  ['GBP', 'GB'],
  ['GBS', 'GB'],
  // The specimen state of ICAO 9303's examples: any document naming it is a specimen.
  ['UTO', { refused: 'Utopia, the ICAO 9303 specimen state' }],
  ['RKS', { refused: 'Kosovo, which has no ISO 3166-1 code and no bureau' }],
  ['XXK', { refused: 'Kosovo, which has no ISO 3166-1 code and no bureau' }],
  ['UNK', { refused: 'the UN Interim Administration Mission in Kosovo, not a state' }],
  ['ANT', { refused: 'the Netherlands Antilles, dissolved in 2010' }],
  ['NTZ', { refused: 'the Neutral Zone, not a state' }],
  ['EUE', { refused: 'the European Union, an organisation' }],
  ['UNO', { refused: 'the United Nations, an organisation' }],
  ['UNA', { refused: 'a United Nations specialised agency, an organisation' }],
  ['XBA', { refused: 'the African Development Bank, an organisation' }],
  ['XIM', { refused: 'the African Export-Import Bank, an organisation' }],
  ['XCC', { refused: 'the Caribbean Community, an organisation' }],
  ['XCE', { refused: 'the Council of Europe, an organisation' }],
  ['XCO', { refused: 'COMESA, an organisation' }],
  ['XEC', { refused: 'ECOWAS, an organisation' }],
  ['XPO', { refused: 'INTERPOL, an organisation' }],
  ['XES', { refused: 'the Organisation of Eastern Caribbean States, an organisation' }],
  ['XOM', { refused: 'the Sovereign Military Order of Malta, not a state' }],
  ['XDC', { refused: 'the Southern African Development Community, an organisation' }],
  // Nationality-only codes: a state never issues under them.
  ['XXA', { refused: 'a stateless person, a nationality code' }],
  ['XXB', { refused: 'a refugee (1951 Convention), a nationality code' }],
  ['XXC', { refused: 'a refugee, a nationality code' }],
  ['XXX', { refused: 'an unspecified nationality, a nationality code' }],
]);

/**
 * The bureau code of an ICAO issuing-state or nationality code, as parseMrz returns it (filler
 * '<' already dropped, e.g. 'D'). Every ISO 3166-1 country maps; whether that country has an
 * enrolled bureau is the registry's question, not this table's.
 */
export function icaoToBureauCode(icaoCode: string, field = 'issuingCountry'): BureauCode {
  const code = icaoCode.replace(/<+$/, '');
  const own = ICAO_OWN_CODES.get(code);
  if (typeof own === 'string') return own;
  if (own !== undefined)
    throw new TravelDocumentError('issuer-not-member', `${field} ${code} is ${own.refused}: no bureau reports for it`, {
      field,
    });
  const alpha2 = ISO_ALPHA2.get(code);
  if (alpha2 === undefined)
    throw new TravelDocumentError(
      'issuer-unknown',
      `${field} ${JSON.stringify(code)} is neither an ISO 3166-1 alpha-3 code nor an ICAO 9303 code`,
      { field },
    );
  return alpha2;
}
