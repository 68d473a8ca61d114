package org.praxis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;

/**
 * Every field of every event (docs/events) is either a person — screened by {@link ErasedSubjects} — or
 * named here as not one: a new field naming a person cannot slip past the erasure rule unnoticed.
 */
class ErasedSubjectsFieldsTest {
    /** The erasure request's own person: its handler erases them, it is not screened. */
    private static final Set<String> ERASURE_SUBJECT = Set.of("subject");

    private static final Set<String> NOT_PERSONS = Set.of(
            "assessmentId",
            "frameworkCode",
            "frameworkVersion",
            "competencesAssessed",
            "competentOrAbove",
            "eligibilities",
            "requestId",
            "service",
            "practitioners",
            "evidence",
            "intakeId",
            "pathway",
            "recommendedPathway",
            "sponsorOrganisation",
            "riskFlagId",
            "screeningId",
            "code",
            "level",
            "source",
            "status",
            "instrument",
            "instrumentVersion",
            "scoringVersion",
            "total",
            "severity",
            "referralId",
            "engagementId",
            "urgency",
            "serviceKind",
            "origin",
            "referrals",
            "exceptionRecordsRetained",
            "contractNumber",
            "goalsMet",
            "goals",
            "followUpOffered",
            "boosterSessionsOffered",
            "previousStatus",
            "riskConcernId",
            "sessionId",
            "durationMinutes",
            "completedAt",
            "engagements",
            "signedNotesRetained",
            "intakes",
            "baselineScreeningId",
            "baselineTotal",
            "latestTotal",
            "baselineBand",
            "latestBand",
            "classification",
            "deteriorated",
            "thresholdsVersion",
            "outcomes",
            "sessionsHeld",
            "measureId",
            "dueOn",
            "clientPreference",
            "reason",
            "handedOverAt",
            "assignedAt",
            "sourceIntakeId",
            "batchId",
            "responses",
            "means",
            "periodStart",
            "periodEnd");

    @Test
    void everyEventFieldIsAScreenedPersonOrNamedAsNotOne() throws IOException {
        Set<String> fields = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(EventContracts.directory())) {
            for (Path schema :
                    files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                JsonNode properties = json.readTree(schema.toFile()).path("properties");
                properties.fieldNames().forEachRemaining(fields::add);
            }
        }
        Set<String> unclassified = new TreeSet<>(fields);
        unclassified.removeAll(ErasedSubjects.PERSON_FIELDS);
        unclassified.removeAll(ERASURE_SUBJECT);
        unclassified.removeAll(NOT_PERSONS);
        assertEquals(
                Set.of(), unclassified, "a person field goes into ErasedSubjects.PERSON_FIELDS, anything else here");
        Set<String> screenedButAbsent = new TreeSet<>(ErasedSubjects.PERSON_FIELDS);
        screenedButAbsent.removeAll(fields);
        assertEquals(Set.of(), screenedButAbsent, "screened fields that no event has");
    }
}
