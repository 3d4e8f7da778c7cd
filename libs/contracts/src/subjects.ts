import type { BureauCode } from './bureau-code';

/**
 * NATS subjects. Each node may publish only on its own submit subject and subscribe only to its
 * own deliver subject; only the gateway publishes deliveries.
 */
export const SUBMISSIONS_STREAM = 'BN_SUBMISSIONS';
export const DELIVERIES_STREAM = 'BN_DELIVERIES';

export const SUBMIT_SUBJECT_WILDCARD = 'bn.submit.*';
export const DELIVER_SUBJECT_WILDCARD = 'bn.deliver.*';

export const submitSubject = (code: BureauCode): string => `bn.submit.${code}`;
export const deliverSubject = (code: BureauCode): string => `bn.deliver.${code}`;
/** Each bureau's durable consumer on DELIVERIES_STREAM, made and kept by the gateway (the node only binds to it). */
export const deliveryConsumerName = (code: BureauCode): string => `node-${code}`;

/** Request/reply served by the registry. */
export const DIRECTORY_GET_SUBJECT = 'bn.registry.directory.get';
export const DIRECTORY_LIST_SUBJECT = 'bn.registry.directory.list';
export const ENROL_SUBJECT = 'bn.registry.enrol';
/** Renewal without a token, signed by the bureau's current signing key. */
export const RENEW_SUBJECT = 'bn.registry.renew';
/** The CAs to trust (CaTrust): the issuing one and, during a rotation, the previous one and the link between them. */
export const CA_TRUST_SUBJECT = 'bn.registry.pki.trust';

/** Core NATS events published by the registry on every change, and as a heartbeat. */
export const DIRECTORY_CHANGED_SUBJECT = 'bn.registry.directory.changed';
export const DIRECTORY_HEARTBEAT_SUBJECT = 'bn.registry.heartbeat';
