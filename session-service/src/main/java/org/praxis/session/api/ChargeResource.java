package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.Charges;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.Money;
import org.praxis.session.domain.SessionCharge;

@Path("/v1/engagements/{id}/charges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charges", description = "What sessions cost where the contract states a price; a record, no billing")
public class ChargeResource {
    /** The largest total: every session of an engagement charged twice at the largest amount. */
    static final String MAX_TOTAL = "" + 2L * CoachingSession.MAX_PER_ENGAGEMENT * Money.MAX_MINOR;

    @Inject
    Charges charges;

    public record ChargeView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID sessionId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            @Schema(required = true, minimum = "0", maximum = "" + Money.MAX_MINOR)
            int amountMinor,

            @Schema(required = true, maxLength = 3) String currency,
            @Schema(required = true) Instant createdAt) {
        static ChargeView of(SessionCharge c) {
            return new ChargeView(c.id, c.sessionId, c.kind, c.amountMinor, c.currency, c.createdAt);
        }
    }

    public record TotalView(
            @Schema(required = true, maxLength = 3) String currency,

            @Schema(required = true, minimum = "0", maximum = MAX_TOTAL)
            long amountMinor) {}

    public record ChargeStatement(
            @Schema(required = true, maxItems = Bounds.LIST) List<ChargeView> items,
            @Schema(maxLength = Bounds.CURSOR) String nextCursor,

            @Schema(required = true, maxItems = Charges.CURRENCIES, description = "Over all the engagement's charges")
            List<TotalView> totals) {}

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "charge:list")
    @Operation(
            operationId = "listCharges",
            summary = "The engagement's charges, newest first, with totals per currency: to its client, practitioner"
                    + " and their supervisor (never a sponsor: no disclosure term covers money)")
    public ChargeStatement list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        Charges.Statement s = charges.of(id, page.request());
        return new ChargeStatement(
                s.charges().items().stream().map(ChargeView::of).toList(),
                s.charges().nextCursor(),
                s.totals().stream()
                        .map(t -> new TotalView(t.currency(), t.amountMinor()))
                        .toList());
    }
}
