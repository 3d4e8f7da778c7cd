import { useLocaleSettings } from './locale';

/**
 * An instant in ISO 8601 form in the given time zone, with its offset: "2026-12-01 21:05:33 +01:00".
 * Dates are always ISO (never "01/12" that reads differently in each country); only the zone is the person's.
 */
export function formatIsoDateTime(instant: string | number | Date, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

/** formatIsoDateTime in the signed-in person's time zone. */
export function useDateTime(): (instant: string | number | Date) => string {
  const { timeZone } = useLocaleSettings();
  return (instant) => formatIsoDateTime(instant, timeZone);
}

/** A datetime-local input's value (the browser's zone) as an ISO instant, or undefined when empty. */
export function datetimeLocalInstant(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
