import type * as asn1js from 'asn1js';
import { TimeStampResp } from 'pkijs';
import { decodeDer, parseAs } from './der';
import { TimestampError } from './timestamp.errors';
import { TIMESTAMP_LIMITS } from './timestamp.limits';

/** PKIStatus values (RFC 3161 §2.4.2); only the first two carry a token. */
const STATUS_NAMES = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
];

/**
 * The token of a TimeStampResp (the DER ContentInfo), refusing a response that is too large,
 * malformed, not granted, or granted without a token.
 */
export function tokenFromResponse(der: Uint8Array): Buffer {
  const asn1 = decodeDer(der, TIMESTAMP_LIMITS.responseBytes, 'the time-stamp response');
  const response = parseAs('the time-stamp response', () => new TimeStampResp({ schema: asn1 }));
  const status: number = response.status.status;
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(
      'not-granted',
      `the TSA answered ${STATUS_NAMES[status] ?? `status ${status}`}${text ? `: ${text}` : ''}`,
    );
  }
  if (!response.timeStampToken) throw new TimestampError('malformed', 'the TSA granted the request but sent no token');
  // The token's bytes exactly as the TSA sent them (its signature covers parts of them).
  const [, token] = (asn1 as asn1js.Sequence).valueBlock.value;
  return Buffer.from(token?.valueBeforeDecodeView ?? []);
}
