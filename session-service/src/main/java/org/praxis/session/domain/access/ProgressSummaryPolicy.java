package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ProgressSummary;

/**
 * Progress summaries for the sponsor. The practitioner drafts and may withdraw them; only the
 * engagement's client approves or rejects one; the practitioner's supervisor reads them. The sponsor
 * reads none here: an approved summary reaches them only through the sponsor report, when the contract
 * in force discloses summaries ({@link SponsorReportPolicy}), so a draft or a rejected one never does.
 */
public final class ProgressSummaryPolicy extends Policy<ProgressSummary, ProgressSummaryPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        DRAFT,
        DECIDE,
        WITHDRAW
    }

    public static final Field<ProgressSummary, UUID> ENGAGEMENT = Field.of("engagementId", s -> s.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "progress-summary", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.DRAFT, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.DECIDE, Roles.CLIENT, Relation.OWN)
            .allow(Action.WITHDRAW, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.DRAFT, "draft")
            .audit(Action.DECIDE, "approve or reject")
            .audit(Action.WITHDRAW, "withdraw")
            .build();

    private final EngagementRelations relations;

    public ProgressSummaryPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Progress summary");
        this.relations = relations;
    }

    @Override
    protected Criterion<ProgressSummary> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
