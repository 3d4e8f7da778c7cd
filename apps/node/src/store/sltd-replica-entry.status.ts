import { TRAVEL_DOCUMENT_STATUSES, type TravelDocumentStatus } from '@bureaunet/contracts';

/** A replica entry's status: the issuer's, or `withdrawn` once the issuer took the record back. */
export type ReplicaEntryStatus = TravelDocumentStatus | 'withdrawn';

/** What a check reports: everything but `recovered` (the issuer cleared it) and `withdrawn`. */
export const REPORTABLE_STATUSES = TRAVEL_DOCUMENT_STATUSES.filter(
  (status): status is Exclude<TravelDocumentStatus, 'recovered'> => status !== 'recovered',
);
export type ReportableStatus = (typeof REPORTABLE_STATUSES)[number];

export function isReportable(status: string): status is ReportableStatus {
  return (REPORTABLE_STATUSES as readonly string[]).includes(status);
}
