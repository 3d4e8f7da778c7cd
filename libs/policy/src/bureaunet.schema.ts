/**
 * The Cedar schema every policy set is validated against (strict mode). It is code, not data: a
 * new attribute needs the gateway to supply it, so it changes with the software, while the
 * policies that use it change through the registry.
 *
 * One request per (sender, recipient) pair of an envelope: principal is the sending bureau,
 * resource the receiving bureau, action the envelope's kind, context what the gateway knows of
 * the envelope (its meta, the envelopes it refers to, the time).
 */
export const POLICY_NAMESPACE = 'Bureaunet';
export const BUREAU_TYPE = `${POLICY_NAMESPACE}::Bureau`;
export const OPERATION_TYPE = `${POLICY_NAMESPACE}::Operation`;
export const GROUP_TYPE = `${POLICY_NAMESPACE}::Group`;
export const ACTION_TYPE = `${POLICY_NAMESPACE}::Action`;
/** The action group of every kind that carries information, i.e. all but receipts. */
export const CONTENT_ACTION_GROUP = 'content';

export const BUREAUNET_SCHEMA = `
namespace ${POLICY_NAMESPACE} {
  // A country group (a region, Schengen, a custom list): the parent of each member's entity.
  entity Group = {
    name: String,
    kind: String,                          // "region" | "schengen" | "custom"
  };

  // A national bureau or the hub (the gateway never sends nor receives).
  entity Bureau in [Group] = {
    role: String,                          // "bureau" | "hub"
    status: String,                        // "active" | "suspended"
    refusesDiffusionsFrom: Set<Bureau>,    // bilateral declarations made by this bureau
    doesNotSendTo: Set<Bureau>,
  };

  entity Operation = {
    coordinator: Bureau,
    participants: Set<Bureau>,
    start: datetime,
    end: datetime,
  };

  // The envelope this one answers (meta.receiptFor or meta.replyTo), as the gateway accepted it.
  type Answered = {
    from: Bureau,
    kind: String,
    deliveredTo: Set<Bureau>,
  };

  // The data owner's handling code: the envelope's own and the strictest one it passes on.
  type Handling = {
    declared: Long,                        // 0 (H0) to 3 (H3); absent meta.handling is H0
    inherited: Long,                       // the strictest code of what it replies to or forwards
    // Present when the lineage holds H3 content:
    owner?: Bureau,                        // the bureau that declared it
    allowTo?: Set<Bureau>,                 // the allow-list, intersected along the lineage (absent: no list)
    expiresAt?: datetime,                  // the earliest H3 expiry along the lineage
    expired?: Bool,                        // expiresAt is past (at the time of the decision)
    consentedTo?: Set<Bureau>,             // bureaus a live onward-sharing grant of the owner to the sender covers
  };

  // consent-request / consent-decision: the content meta.consent.envelopeId names.
  type ConsentSubject = {
    owner: Bureau,                         // its handling's owner, else its sender
    deliveredTo: Set<Bureau>,              // who received that envelope
  };

  type Delivery = {
    now: datetime,
    // The data owner's restrictions: this envelope's own and those of every envelope it refers to.
    restrictedTo: Set<Bureau>,
    // meta.replyTo, forwardOf or receiptFor names an envelope the gateway never accepted.
    unresolvedReference: Bool,
    priority?: String,
    noticeType?: String,
    // Present when meta.operationId names a known operation.
    operation?: Operation,
    answers?: Answered,
    // meta.recordOwner: the bureau owning the travel-document record changed, or the record a hit is about.
    recordOwner?: Bureau,
    handling: Handling,
    // The envelope's recipients, as the gateway resolved them, include the hub.
    recipientsIncludeHub: Bool,
    consentAbout?: ConsentSubject,
  };

  action ${CONTENT_ACTION_GROUP};
  action "notice-request", "notice", "notice-cancel", "diffusion", "message", "operation-alert", "query", "query-result",
    "travel-document-record", "hit-notification", "hit-confirmation", "request", "consent-request", "consent-decision"
    in [${CONTENT_ACTION_GROUP}]
    appliesTo { principal: Bureau, resource: Bureau, context: Delivery };
  action "receipt"
    appliesTo { principal: Bureau, resource: Bureau, context: Delivery };
}
`;
