import { DirectoryFreshnessIndicator } from '@bureaunet/directory';
import {
  CertificateValidityIndicator,
  DatabaseWritableIndicator,
  healthBoundsProvider,
  ReadinessCheck,
} from '@bureaunet/platform';
import { BrokerIndicator, ConsumerLagIndicator } from '@bureaunet/transport';
import { RulesFreshnessIndicator } from './rules-freshness.indicator';
import { WitnessCosigningIndicator } from './witness-cosigning.indicator';

/** What the gateway's readiness checks (GET /api/health/ready); the module imports TerminusModule with them. */
export const GATEWAY_HEALTH_PROVIDERS = [
  healthBoundsProvider,
  ReadinessCheck,
  BrokerIndicator,
  DatabaseWritableIndicator,
  DirectoryFreshnessIndicator,
  RulesFreshnessIndicator,
  CertificateValidityIndicator,
  ConsumerLagIndicator,
  WitnessCosigningIndicator,
];
