import type { AuditedRequest, AuditedSpec, Caller } from '@bureaunet/platform';
import { ActivityError } from '../activity.errors';
import { MAX_PURPOSE_LENGTH, MAX_TARGET_LENGTH } from '../activity-entry';

export const PURPOSE_HEADER = 'x-purpose';

type RequestWithHeaders = AuditedRequest & { headers: Record<string, unknown> };

/**
 * The purpose the caller stated (header x-purpose; percent-encoded UTF-8 is decoded, since a
 * browser sends only Latin-1 in headers), or the route's default. Throws purpose-required when a
 * person consults without one where the route asks for it, purpose-invalid when it is too long.
 */
export function statedPurpose(spec: AuditedSpec, request: RequestWithHeaders, caller: Caller): string | undefined {
  const raw = request.headers[PURPOSE_HEADER];
  const stated = typeof raw === 'string' ? decodePurpose(raw).trim() : '';
  if (stated.length > MAX_PURPOSE_LENGTH)
    throw new ActivityError(
      'purpose-invalid',
      `x-purpose is ${stated.length} characters, at most ${MAX_PURPOSE_LENGTH}`,
    );
  if (/[\u0000-\u001f\u007f]/.test(stated))
    throw new ActivityError('purpose-invalid', 'x-purpose holds a control character');
  if (stated !== '') return stated;
  if (typeof spec.purpose === 'object') return spec.purpose.default;
  const required = spec.purpose === 'required' && caller.kind === 'person' && (spec.purposeWhen?.(request) ?? true);
  if (required)
    throw new ActivityError(
      'purpose-required',
      `${spec.action} consults personal data: state the purpose in the x-purpose header (at most ${MAX_PURPOSE_LENGTH} characters)`,
    );
  return undefined;
}

/** The route's target, cut to the log's bound and stripped of control characters. */
export function targetOf(spec: AuditedSpec, request: AuditedRequest): string | undefined {
  const value =
    typeof spec.target === 'function'
      ? spec.target(request)
      : spec.target !== undefined
        ? request.params[spec.target]
        : undefined;
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_TARGET_LENGTH);
  return clean.trim() === '' ? undefined : clean;
}

function decodePurpose(raw: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
