import { healthBoundsProvider, ReadinessCheck } from '@bureaunet/platform/stateless';
import { BrokerIndicator } from '@bureaunet/transport';

/**
 * What the evaluator's readiness checks (GET /api/health/ready): only the broker, since it keeps
 * no database, directory or stream and its key is loaded before it starts listening.
 */
export const EVALUATOR_HEALTH_PROVIDERS = [healthBoundsProvider, ReadinessCheck, BrokerIndicator];
