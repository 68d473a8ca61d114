package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A coaching engagement between a client and a practitioner, perhaps paid for by a sponsor. */
@Entity
public class Engagement {
    /** Sessions a package prepays at most. */
    public static final int MAX_PREPAID = 200;
    /** The pathways an engagement serves: intake's coaching decisions. */
    public static final List<String> PATHWAYS = List.of("coaching", "coaching-with-monitoring", "integrated");

    @Id
    public UUID id;

    public String tenantId;
    public String clientSubject;
    public String practitionerId;
    /** One of {@link #PATHWAYS}. */
    public String pathway;

    public String sponsorOrganisation;
    /** One of {@link EngagementLifecycle#STATUSES}. */
    public String status;

    public UUID sourceIntakeId;
    public Integer sessionsPrepaid;
    public Integer sessionsRemaining;
    public String createdBy;
    public Instant createdAt;
    /** When the first contract came into force: the review schedule counts from here. */
    public Instant activatedAt;
    /** When it closed: the organisation outcome report counts closed engagements in this order. */
    public Instant closedAt;
    /** When the next periodic review is due (null: no schedule); kept by {@link ReviewCalendar}. */
    public LocalDate reviewDueOn;
    /** The day a deterioration asked for a review, until a periodic review is held on or after it. */
    public LocalDate reviewRequestedOn;
    /** The accepted referral that paused this engagement, or runs alongside it when the pathway is integrated. */
    public UUID currentReferral;
    /** The pause is the current referral's (it paused the engagement, or took over a pause): its end resumes it. */
    public boolean pausedByReferral;
    /** When a supervisor granted the client's request to end: the practitioner's end review closes it. */
    public Instant endRequestedAt;
    /** The follow-up dates an end review agreed (ISO dates, comma-separated); null without a follow-up. */
    public String followUpDates;
    /** Booster sessions the end review agreed (null: no follow-up), how many were held, the last day for one. */
    public Integer boostersAgreed;

    public Integer boostersHeld;
    public LocalDate boostersWithin;
    /** The end review that agreed the follow-up: the close reports its goals. */
    public UUID endReview;
    /** The completed therapy referral this engagement follows (issue 22); null for any other engagement. */
    public UUID afterTherapyReferral;
    /** The engagement that referral was made from, if any. */
    public UUID precedingEngagementId;

    @Version
    @Column(nullable = false)
    public long version;
}
