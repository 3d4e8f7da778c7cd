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
export const ACTION_TYPE = `${POLICY_NAMESPACE}::Action`;
/** The action group of every kind that carries information, i.e. all but receipts. */
export const CONTENT_ACTION_GROUP = 'content';

export const BUREAUNET_SCHEMA = `
namespace ${POLICY_NAMESPACE} {
  // A national bureau or the hub (the gateway never sends nor receives).
  entity Bureau = {
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
