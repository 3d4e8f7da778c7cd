import { DirectoryFreshnessIndicator } from '@bureaunet/directory';
import {
  CertificateValidityIndicator,
  DatabaseWritableIndicator,
  healthBoundsProvider,
  ReadinessCheck,
} from '@bureaunet/platform';
import { BrokerIndicator, ConsumerLagIndicator } from '@bureaunet/transport';
import { ReplicaIndicator } from './replica.indicator';

/** What a node's readiness checks (GET /api/health/ready); the module imports TerminusModule with them. */
export const NODE_HEALTH_PROVIDERS = [
  healthBoundsProvider,
  ReadinessCheck,
  BrokerIndicator,
  DatabaseWritableIndicator,
  DirectoryFreshnessIndicator,
  CertificateValidityIndicator,
  ConsumerLagIndicator,
  ReplicaIndicator,
];
