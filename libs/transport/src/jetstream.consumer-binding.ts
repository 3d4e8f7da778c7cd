import type { Logger } from '@nestjs/common';
import type { Consumer, JetStreamClient } from '@nats-io/jetstream';
import { DomainError } from '@bureaunet/contracts';
import { describeError } from './error-text';

export interface ConsumerBinding {
  stream: string;
  durable: string;
  /** The filter the consumer must have; any other is not bound to (the hub side puts it back). */
  filterSubject: string;
}

export interface BindOptions {
  /** Give up after this long (0: one try). */
  waitMs: number;
  logger: Logger;
  /** Checked between tries: a stopping runner stops waiting. */
  stopped: () => boolean;
}

const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000];

/** The consumer exists but is not (or no longer) the hub's: not for binding. */
export class ConsumerNotProvisionedError extends DomainError {
  constructor(binding: ConsumerBinding, reason: string) {
    super(
      'consumer-not-provisioned',
      `consumer ${binding.stream}/${binding.durable} is not provisioned for ${binding.filterSubject}: ${reason}`,
      'unavailable',
    );
  }
}

/**
 * Binds to a durable consumer that the hub side made, without creating or updating it (the node's
 * broker user may not). Waits, bounded, for it to appear with the expected filter: a node may start
 * before the gateway, or right after its enrolment and before the gateway has heard of it.
 */
export async function bindProvisionedConsumer(
  js: JetStreamClient,
  binding: ConsumerBinding,
  options: BindOptions,
): Promise<Consumer> {
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    try {
      const consumer = await js.consumers.get(binding.stream, binding.durable);
      const filter = (await consumer.info(true)).config.filter_subject;
      if (filter === binding.filterSubject) return consumer;
      reason = `it filters ${filter ?? 'nothing'}`;
    } catch (error) {
      reason = describeError(error);
    }
    if (options.stopped() || Date.now() >= deadline) {
      throw new ConsumerNotProvisionedError(
        binding,
        options.waitMs > 0 ? `${reason} (waited ${Math.round(options.waitMs / 1000)} s)` : reason,
      );
    }
    if (attempt === 0)
      options.logger.log(`waiting for the hub to provision ${binding.stream}/${binding.durable}: ${reason}`);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 0;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
  }
}
