package org.praxis.session.domain;

import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;

/**
 * The engagement's prepaid package as contract versions set it: the first version in force sets it;
 * a later one renews it (remaining = its sessionsPrepaid) or extends it (that many added), or, without a
 * package change, leaves it as it is. Applied once, when the version comes into force.
 */
final class SessionPackage {
    private SessionPackage() {}

    /** What is wrong with a version's package and payment terms; empty when nothing is. */
    static List<Violation> violations(Contracts.Terms t) {
        List<Violation> problems = new ArrayList<>();
        if (t.packageChange() != null && t.sessionsPrepaid() == null) {
            problems.add(new Violation("sessionsPrepaid", "a package change needs the number of sessions"));
        }
        if (t.lateCancellationHours() != null && t.lateCancellationFee() == null) {
            problems.add(new Violation("lateCancellationHours", "applies to a late cancellation fee; state the fee"));
        }
        return problems;
    }

    /** The version {@code c} has just come into force for {@code e}; {@code first}: e's first version in force. */
    static void comeIntoForce(Engagement e, Contract c, boolean first) {
        if (first || Contract.RENEW.equals(c.packageChange)) {
            e.sessionsPrepaid = c.sessionsPrepaid;
            e.sessionsRemaining = c.sessionsPrepaid;
        } else if (Contract.EXTEND.equals(c.packageChange)) {
            int remaining = (e.sessionsRemaining == null ? 0 : e.sessionsRemaining) + c.sessionsPrepaid;
            if (remaining > Engagement.MAX_PREPAID) {
                throw ProblemException.conflict("Extended, the package would hold more than " + Engagement.MAX_PREPAID
                        + " sessions; propose a version that renews it instead.");
            }
            // The package in force is now what remains: it counts down from here.
            e.sessionsPrepaid = remaining;
            e.sessionsRemaining = remaining;
        }
    }

    /** The version's package change and payment terms, as proposed. */
    static void writeTerms(Contract c, Contracts.Terms terms) {
        c.packageChange = terms.packageChange();
        Money price = terms.pricePerSession();
        c.priceAmountMinor = price == null ? null : price.amountMinor();
        c.priceCurrency = price == null ? null : price.currency();
        Money fee = terms.lateCancellationFee();
        c.lateFeeAmountMinor = fee == null ? null : fee.amountMinor();
        c.lateFeeCurrency = fee == null ? null : fee.currency();
        c.lateCancellationHours = terms.lateCancellationHours();
    }
}
