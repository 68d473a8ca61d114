package org.praxis.session.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An amount in a currency's minor unit (cents, pence) and its ISO 4217 code: a contract's price or fee. */
public record Money(
        @NotNull @Min(0) @Max(MAX_MINOR) Integer amountMinor,

        @NotNull @Size(min = 3, max = 3) @Pattern(regexp = "[A-Z]{3}")
        String currency) {
    /** The largest price or fee one session carries: a million in major units. */
    public static final int MAX_MINOR = 100_000_000;

    /** The amount stored in two columns, or null when the contract states none. */
    public static Money of(Integer amountMinor, String currency) {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }
}
