/**
 * The policy set a new registry starts with. Default deny: a request no permit matches is refused
 * (rule "default-deny"); a matching forbid overrides every permit. Each policy names itself with
 * @id; a forbid names the refusal code the sender sees (@refusal, default "policy-denied") and a
 * reason for people (@reason).
 */
export const DEFAULT_POLICIES = `// ---- What is allowed. Nothing else is (default deny). ----

@id("exchange-between-bureaus")
@reason("bureaus exchange messages, diffusions, notice requests, queries and requests")
permit (
  principal,
  action in [Bureaunet::Action::"message", Bureaunet::Action::"diffusion", Bureaunet::Action::"notice-request", Bureaunet::Action::"query", Bureaunet::Action::"request"],
  resource
);

@id("hub-always-reachable")
@reason("every bureau can always reach the hub")
permit (principal, action, resource)
when { resource.role == "hub" };

@id("hub-publishes-notices")
@reason("the hub publishes and cancels notices")
permit (principal, action in [Bureaunet::Action::"notice", Bureaunet::Action::"notice-cancel"], resource)
when { principal.role == "hub" };

@id("operation-alert-to-participants")
@reason("an operation's coordinator alerts its participants while it runs")
permit (principal, action == Bureaunet::Action::"operation-alert", resource)
when {
  context has operation &&
  context.operation.coordinator == principal &&
  context.operation.participants.contains(resource) &&
  context.operation.start <= context.now && context.now < context.operation.end
};

@id("receipt-to-original-sender")
@reason("a recipient returns its receipt to the sender of what it received")
permit (principal, action == Bureaunet::Action::"receipt", resource)
when { context has answers && context.answers.from == resource && context.answers.deliveredTo.contains(principal) };

@id("query-result-to-querier")
@reason("a query or request is answered to the bureau that asked")
permit (principal, action == Bureaunet::Action::"query-result", resource)
when { context has answers && (context.answers.kind == "query" || context.answers.kind == "request") && context.answers.from == resource };

@id("consent-request-to-owner")
@reason("a bureau that received content asks its owner for consent")
permit (principal, action == Bureaunet::Action::"consent-request", resource)
when {
  context has consentAbout && context.consentAbout.owner == resource &&
  context.consentAbout.deliveredTo.contains(principal)
};

@id("consent-decision-to-asker")
@reason("the owner of the content answers a consent request to the bureau that asked")
permit (principal, action == Bureaunet::Action::"consent-decision", resource)
when {
  context has consentAbout && context.consentAbout.owner == principal &&
  context has answers && context.answers.kind == "consent-request" &&
  context.answers.from == resource && context.answers.deliveredTo.contains(principal)
};

@id("hit-to-record-owner")
@reason("a border check's hit is notified to the bureau that owns the record (meta.recordOwner)")
permit (principal, action == Bureaunet::Action::"hit-notification", resource)
when { context has recordOwner && context.recordOwner == resource };

@id("hit-answered-to-checker")
@reason("the owner answers a hit notification to the bureau that sent it")
permit (principal, action == Bureaunet::Action::"hit-confirmation", resource)
when {
  context has answers && context.answers.kind == "hit-notification" &&
  context.answers.from == resource && context.answers.deliveredTo.contains(principal)
};

// ---- What is refused whatever else allows it. ----

@id("suspended-sender")
@refusal("sender-suspended")
@reason("a suspended bureau may send only to the hub")
forbid (principal, action, resource)
when { principal.status == "suspended" && resource.role != "hub" };

@id("suspended-recipient")
@refusal("recipient-suspended")
@reason("a suspended bureau may receive only from the hub")
forbid (principal, action, resource)
when { resource.status == "suspended" && principal.role != "hub" };

@id("notices-only-from-hub")
@reason("only the hub publishes or cancels notices; bureaus send notice requests")
forbid (principal, action in [Bureaunet::Action::"notice", Bureaunet::Action::"notice-cancel"], resource)
unless { principal.role == "hub" };

@id("records-only-to-hub")
@reason("travel-document records go to the hub's databases service only")
forbid (principal, action == Bureaunet::Action::"travel-document-record", resource)
unless { resource.role == "hub" };

@id("records-only-by-issuer")
@reason("only the issuing country's bureau adds, changes or withdraws its travel-document records (meta.recordOwner)")
forbid (principal, action == Bureaunet::Action::"travel-document-record", resource)
unless { context has recordOwner && context.recordOwner == principal };

@id("hit-only-to-record-owner")
@reason("a hit notification goes only to the bureau that owns the record (meta.recordOwner)")
forbid (principal, action == Bureaunet::Action::"hit-notification", resource)
unless { context has recordOwner && context.recordOwner == resource };

@id("operation-alert-needs-operation")
@reason("an operation alert must name a known operation in meta.operationId")
forbid (principal, action == Bureaunet::Action::"operation-alert", resource)
unless { context has operation };

@id("operation-alert-from-coordinator")
@reason("only the operation's coordinator sends its alerts")
forbid (principal, action == Bureaunet::Action::"operation-alert", resource)
when { context has operation && context.operation.coordinator != principal };

@id("operation-alert-to-participants-only")
@reason("operation alerts go only to the operation's participants")
forbid (principal, action == Bureaunet::Action::"operation-alert", resource)
when { context has operation && !context.operation.participants.contains(resource) };

@id("operation-alert-while-running")
@reason("operation alerts are sent only between the operation's start and end")
forbid (principal, action == Bureaunet::Action::"operation-alert", resource)
when { context has operation && (context.now < context.operation.start || context.operation.end <= context.now) };

@id("refuses-diffusions-from")
@reason("the recipient has declared that it does not accept diffusions from the sender")
forbid (principal, action == Bureaunet::Action::"diffusion", resource)
when { resource.refusesDiffusionsFrom.contains(principal) };

@id("does-not-send-to")
@reason("the sender has declared that it does not send to the recipient")
forbid (principal, action in Bureaunet::Action::"content", resource)
when { principal.doesNotSendTo.contains(resource) };

@id("diffusion-includes-hub")
@reason("the hub reviews every diffusion: its recipients must include the hub")
forbid (principal, action == Bureaunet::Action::"diffusion", resource)
when { !context.recipientsIncludeHub && principal.role != "hub" };

@id("consent-request-to-owner-only")
@reason("a consent request goes only to the owner of the content it names (meta.consent.envelopeId), from a bureau that received it")
forbid (principal, action == Bureaunet::Action::"consent-request", resource)
unless {
  context has consentAbout && context.consentAbout.owner == resource &&
  context.consentAbout.deliveredTo.contains(principal)
};

@id("consent-decision-from-owner")
@reason("only the owner of the content (meta.consent.envelopeId) answers a consent request, and only to the bureau that asked")
forbid (principal, action == Bureaunet::Action::"consent-decision", resource)
unless {
  context has consentAbout && context.consentAbout.owner == principal &&
  context has answers && context.answers.kind == "consent-request" &&
  context.answers.from == resource && context.answers.deliveredTo.contains(principal)
};

@id("handling-not-lowered")
@refusal("handling-restricted")
@reason("a forward or reply carries at least the handling code of what it passes on (meta.handling)")
forbid (principal, action in Bureaunet::Action::"content", resource)
when { context.handling.declared < context.handling.inherited }
unless { action == Bureaunet::Action::"consent-request" || action == Bureaunet::Action::"consent-decision" };

@id("handling-h3-allow-list")
@refusal("handling-restricted")
@reason("H3: the data owner lets this content go only back to itself, to its allow-list and to bureaus it consented to")
forbid (principal, action in Bureaunet::Action::"content", resource)
when {
  context.handling has owner && principal != context.handling.owner && resource != context.handling.owner &&
  context.handling has allowTo && !context.handling.allowTo.contains(resource) &&
  !(context.handling has consentedTo && context.handling.consentedTo.contains(resource))
};

@id("handling-h3-expired")
@refusal("handling-restricted")
@reason("H3: past the data owner's expiry the content goes only back to the owner, or to bureaus a live consent covers")
forbid (principal, action in Bureaunet::Action::"content", resource)
when {
  context.handling has owner && principal != context.handling.owner && resource != context.handling.owner &&
  context.handling has expired && context.handling.expired &&
  !(context.handling has consentedTo && context.handling.consentedTo.contains(resource))
};

@id("data-owner-restriction")
@reason("the data owner excluded the recipient (meta.restrictedTo, held by every reply and forward)")
forbid (principal, action in Bureaunet::Action::"content", resource)
when { context.restrictedTo.contains(resource) };

@id("unresolved-reference")
@reason("the envelope refers to an envelope the gateway never accepted (replyTo, forwardOf or receiptFor)")
forbid (principal, action, resource)
when { context.unresolvedReference };
`;
