package org.praxis.session.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;

/**
 * A contract's statement that coaching runs beside therapy (issue 22): what the coaching will and
 * will not touch, and who the other professional is (a role or name; they may also be a non-required
 * {@code therapist} party). While the version in force says so, an accepted referral does not pause
 * the engagement ({@link ReferralEffect}).
 */
public record BesideTherapy(
        @NotBlank @Size(max = Bounds.TEXT) @Schema(required = true, maxLength = Bounds.TEXT)
        String boundaries,

        @NotBlank @Size(max = Bounds.NAME) @Schema(required = true, maxLength = Bounds.NAME)
        String otherProfessional) {}
