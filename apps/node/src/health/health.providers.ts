import { DirectoryFreshnessIndicator } from '@bureaunet/directory';
import {
  CertificateValidityIndicator,
  DatabaseWritableIndicator,
  healthBoundsProvider,
  ReadinessCheck,
} from '@bureaunet/platform';
import { BrokerIndicator, ConsumerLagIndicator } from '@bureaunet/transport';

/** What a node's readiness checks (GET /api/health/ready); the module imports TerminusModule with them. */
export const NODE_HEALTH_PROVIDERS = [
  healthBoundsProvider,
  ReadinessCheck,
  BrokerIndicator,
  DatabaseWritableIndicator,
  DirectoryFreshnessIndicator,
  CertificateValidityIndicator,
  ConsumerLagIndicator,
];
