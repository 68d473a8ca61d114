package org.praxis.session.domain;

import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.problem.Violation;

/** Who must be party to a contract, and when a contract version is in force. */
public final class ContractRules {
    private ContractRules() {}

    public record Party(String role, String subject, boolean required) {}

    /**
     * The client and the coach are always required parties; an engagement with a sponsor needs a
     * sponsor contact among the parties (a three-party contract) before it can be activated.
     *
     * @return what is wrong; empty when the parties are complete
     */
    public static List<Violation> missingParties(
            List<Party> parties, String clientSubject, String practitionerId, boolean sponsored) {
        List<Violation> problems = new ArrayList<>();
        if (parties.stream()
                .noneMatch(p -> p.required()
                        && p.role().equals(ContractParty.CLIENT)
                        && p.subject().equals(clientSubject))) {
            problems.add(new Violation("parties", "the client " + clientSubject + " must be a required party"));
        }
        if (parties.stream()
                .noneMatch(p -> p.required()
                        && p.role().equals(ContractParty.COACH)
                        && p.subject().equals(practitionerId))) {
            problems.add(new Violation("parties", "the practitioner " + practitionerId + " must be a required party"));
        }
        if (sponsored
                && parties.stream().noneMatch(p -> p.required() && p.role().equals(ContractParty.SPONSOR))) {
            problems.add(
                    new Violation("parties", "a sponsored engagement needs the sponsor's contact as a required party"));
        }
        if (parties.stream().map(Party::subject).distinct().count() != parties.size()) {
            problems.add(new Violation("parties", "a subject appears twice"));
        }
        return problems;
    }

    /** A version is in force once every required party has accepted it. */
    public static boolean inForce(List<ContractParty> parties) {
        return parties.stream().filter(p -> p.required).allMatch(p -> p.acceptedAt != null);
    }
}
