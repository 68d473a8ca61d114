package org.praxis.referral.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.problem.Violation;

/** What the referrer decides about a referral; all of it may change before it is sent. */
public record ReferralTerms(
        UUID serviceId,
        String reasonCode,
        String reasonText,
        String urgency,
        List<String> disclose,
        String clientName,
        String clientContact) {

    /**
     * Sets these terms on the referral, or refuses them all with a 422 naming every invalid field.
     *
     * @param service the directory service {@link #serviceId} names in the caller's tenant, null when none does
     */
    public void applyTo(Referral r, DirectoryService service) {
        List<Violation> errors = new ArrayList<>();
        if (!ReasonCodes.ALL.contains(reasonCode)) {
            errors.add(new Violation("reasonCode", "must be one of " + String.join(", ", ReasonCodes.ALL)));
        }
        if (!Urgency.codes().contains(urgency)) {
            errors.add(new Violation("urgency", "must be one of " + String.join(", ", Urgency.codes())));
        }
        List<String> items = disclose == null ? List.of() : disclose;
        List<Integer> unknown = Disclosure.unknown(items);
        if (!unknown.isEmpty()) {
            errors.add(
                    new Violation("disclose", "items " + unknown + " are not one of identity, contact, reason, risk"));
        }
        if (serviceId != null) {
            if (service == null) {
                errors.add(new Violation("serviceId", "is not a service in your directory"));
            } else if (ServiceKinds.SELF_HELP.equals(service.kind)) {
                errors.add(new Violation("serviceId", "is a self-help resource: offer it instead of referring"));
            }
        }
        Violation.refuseAny("The referral's terms are not valid", errors);
        r.serviceId = serviceId;
        r.serviceKind = service == null ? null : service.kind;
        r.reasonCode = reasonCode;
        r.reasonText(reasonText);
        r.urgency = urgency;
        r.disclose = items.stream().distinct().sorted().toList();
        r.clientName(clientName);
        r.clientContact(clientContact);
    }
}
