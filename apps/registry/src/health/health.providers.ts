import {
  CertificateValidityIndicator,
  DatabaseWritableIndicator,
  healthBoundsProvider,
  ReadinessCheck,
} from '@bureaunet/platform';
import { BrokerIndicator } from '@bureaunet/transport';

/**
 * What the registry's readiness checks (GET /api/health/ready); the module imports TerminusModule
 * with them. It keeps no directory cache and consumes no stream: no freshness or lag to report.
 */
export const REGISTRY_HEALTH_PROVIDERS = [
  healthBoundsProvider,
  ReadinessCheck,
  BrokerIndicator,
  DatabaseWritableIndicator,
  CertificateValidityIndicator,
];
