import type { RegistryEvent } from '@bureaunet/contracts';

/** Flat fields copied from an event's data when present; an allow-list, so nothing new leaks by default. */
const COPIED = ['version', 'rulesVersion', 'status', 'change', 'author', 'changed', 'revokedSerials'] as const;

/**
 * The log line of one registry event (`bureau.enrolled`, `rules.changed`, …): what happened, to
 * whom, at which version, with serials and ids rather than certificates or policy text. The
 * ledger keeps the whole event; the line is for people reading the service's log.
 */
export function registryEventLogLine(event: RegistryEvent): Record<string, unknown> {
  const { data } = event;
  const line: Record<string, unknown> = { event: event.type.replace('-', '.'), id: event.id };
  if (event.code !== undefined) line.bureau = event.code;
  for (const key of COPIED) if (data[key] !== undefined) line[key] = data[key];
  const serials = serialsOf(data.certificates);
  if (serials) line.serials = serials;
  const previous = serialsOf(data.previous);
  if (previous) line.previousSerials = previous;
  const declaration = idOf(data.declaration);
  if (declaration) line.declaration = declaration;
  const operation = idOf(data.operation);
  if (operation) line.operation = operation;
  return line;
}

function serialsOf(certificates: unknown): string[] | undefined {
  if (!Array.isArray(certificates)) return undefined;
  return certificates.flatMap((certificate: unknown) => {
    const serial = (certificate as { serial?: unknown } | null)?.serial;
    return typeof serial === 'string' ? [serial] : [];
  });
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
