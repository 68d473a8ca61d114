package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.client.ApiClient;
import org.praxis.client.JSON;
import org.praxis.client.Pages;
import org.praxis.client.Praxis;
import org.praxis.client.intake.IntakesApi;
import org.praxis.client.intake.RiskFlagsApi;
import org.praxis.client.intake.model.CreateIntakeRequest;
import org.praxis.client.intake.model.DecisionRequest;
import org.praxis.client.intake.model.Pathway;
import org.praxis.client.intake.model.ScreeningView;
import org.praxis.client.intake.model.SubmitScreeningRequest;
import org.praxis.client.referral.ReferralsApi;
import org.praxis.client.referral.model.ReferralSummary;
import org.praxis.client.session.EngagementsApi;
import org.praxis.client.session.SessionsApi;
import org.praxis.client.session.model.ContractView;
import org.praxis.client.session.model.EngagementView;
import org.praxis.client.session.model.OutcomeRequest;
import org.praxis.client.session.model.PageEngagementView;
import org.praxis.client.session.model.PartyRequest;
import org.praxis.client.session.model.ProposeContractRequest;
import org.praxis.client.session.model.ScheduleRequest;
import org.praxis.client.session.model.SessionView;
import org.praxis.testsupport.Tokens;

/**
 * The platform story as an integrator runs it, through the SDKs generated from the documents
 * (clients/java, clients/typescript): open an intake, submit screenings (PHQ-9 item 9 above 0 among
 * them), decide coaching, find the engagement session-service drafted, propose and accept its contract,
 * book a session and record it held; the risk flag reaches the supervisors. No hand-made HTTP but the
 * tokens (minted here, as a platform gets them from the identity provider).
 */
@Order(1)
class SdkStoryTest extends SystemTest {

    private ApiClient sdk(Tokens who, String service) {
        return Praxis.client(suite.url(service), who::token);
    }

    @Test
    void theStoryRunsThroughTheJavaSdk() throws Exception {
        IntakesApi intakesAsCoach = new IntakesApi(sdk(coach, INTAKE));
        IntakesApi intakesAsClient = new IntakesApi(sdk(client, INTAKE));
        UUID intake = typed(
                        "openIntake",
                        intakesAsCoach.openIntake(
                                new CreateIntakeRequest()
                                        .clientSubject(client.subject())
                                        .displayName("Sam Client")
                                        .presentingConcerns("Wants a career change"),
                                null))
                .getId();

        ScreeningView risky = typed(
                "submitScreening",
                intakesAsClient.submitScreening(intake, screening("PHQ-9", 1, 1, 0, 0, 0, 0, 0, 0, 1), null, null));
        // The client reads the flag's wording, never its code; the coach reads the code in the intake's scores.
        assertTrue(
                risky.getRiskFlags() == null
                        && risky.getSeverity() == null
                        && risky.getWording().getRiskFlags().size() == 1,
                "a client reads one flag's wording and no codes: " + risky);
        assertTrue(
                typed("listScreenings", intakesAsCoach.listScreenings(intake, null, null, null)).getItems().stream()
                        .flatMap(s -> s.getRiskFlags().stream())
                        .anyMatch(f -> "self-harm-thoughts".equals(f.getCode())),
                "PHQ-9 item 9 = 1 raises self-harm-thoughts");
        typed(
                "submitScreening",
                intakesAsClient.submitScreening(intake, screening("GAD-7", 1, 0, 1, 0, 0, 1, 0), null, null));

        typed(
                "decidePathway",
                intakesAsCoach.decidePathway(
                        intake,
                        new DecisionRequest()
                                .pathway(Pathway.COACHING)
                                .practitionerId(coach.subject())
                                .reason("Supervisor reviewed the flag with the client: coaching with a safety plan"),
                        null));

        EngagementsApi engagementsAsCoach = new EngagementsApi(sdk(coach, SESSION));
        EngagementsApi engagementsAsClient = new EngagementsApi(sdk(client, SESSION));
        AtomicReference<EngagementView> drafted = new AtomicReference<>();
        eventually(() -> {
            drafted.set(Pages.stream(
                            cursor -> engagementsAsCoach.listEngagements(cursor, null, null),
                            PageEngagementView::getItems,
                            PageEngagementView::getNextCursor)
                    .filter(e -> intake.equals(e.getSourceIntakeId()))
                    .findFirst()
                    .orElse(null));
            return drafted.get() != null;
        });
        UUID engagement = drafted.get().getId();

        ContractView contract = typed(
                "proposeContract",
                engagementsAsCoach.proposeContract(
                        engagement,
                        new ProposeContractRequest()
                                .purpose("Career transition")
                                .parties(List.of(party("client", client), party("coach", coach))),
                        null));
        engagementsAsClient.acceptContract(engagement, contract.getNumber());
        engagementsAsCoach.acceptContract(engagement, contract.getNumber());
        assertEquals(
                "active",
                String.valueOf(typed("getEngagement", engagementsAsCoach.getEngagement(engagement, null))
                        .getStatus()));

        SessionsApi sessions = new SessionsApi(sdk(coach, SESSION));
        SessionView booked = typed(
                "scheduleSession",
                sessions.scheduleSession(
                        engagement,
                        request(
                                ScheduleRequest.class,
                                Map.of(
                                        "scheduledAt",
                                        OffsetDateTime.now(ZoneOffset.UTC)
                                                .minusHours(1)
                                                .toString(),
                                        "durationMinutes",
                                        60,
                                        "mode",
                                        "video")),
                        null));
        SessionView held = typed(
                "recordSessionOutcome",
                sessions.recordSessionOutcome(
                        engagement,
                        booked.getId(),
                        request(OutcomeRequest.class, Map.of("status", "held", "scaling", 6))));
        assertEquals("held", String.valueOf(held.getStatus()));

        RiskFlagsApi flagsAsSupervisor = new RiskFlagsApi(sdk(supervisor, INTAKE));
        assertTrue(
                typed("listRiskFlags", flagsAsSupervisor.listRiskFlags(null, intake, null, null)).getItems().stream()
                        .anyMatch(f -> "self-harm-thoughts".equals(f.getCode())),
                "the supervisor sees the intake's self-harm-thoughts flag");
        ReferralsApi referralsAsSupervisor = new ReferralsApi(sdk(supervisor, REFERRAL));
        AtomicReference<ReferralSummary> draft = new AtomicReference<>();
        eventually(() -> {
            draft.set(
                    referralsAsSupervisor
                            .listReferrals(null, null, null, "risk-flag", null, "draft", null)
                            .getItems()
                            .stream()
                            .filter(r -> intake.equals(r.getIntakeId()))
                            .findFirst()
                            .orElse(null));
            return draft.get() != null;
        });
        assertEquals("urgent", String.valueOf(draft.get().getUrgency()));
    }

    @Test
    void theStoryRunsThroughTheTypeScriptSdk() throws IOException, InterruptedException {
        Path project = Path.of("").toAbsolutePath().getParent();
        Path script = project.resolve("clients/typescript/target/dist/story/platform-story.js");
        assertTrue(Files.isRegularFile(script), script + " is built by clients/typescript");
        Path output = Files.createTempFile("sdk-story", ".log");
        ProcessBuilder node = new ProcessBuilder("node", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        node.environment()
                .putAll(Map.of(
                        "PRAXIS_INTAKE_URL", suite.url(INTAKE),
                        "PRAXIS_SESSION_URL", suite.url(SESSION),
                        "PRAXIS_REFERRAL_URL", suite.url(REFERRAL),
                        "PRAXIS_COACH_TOKEN", coach.token(),
                        "PRAXIS_COACH_SUBJECT", coach.subject(),
                        "PRAXIS_CLIENT_TOKEN", client.token(),
                        "PRAXIS_CLIENT_SUBJECT", client.subject(),
                        "PRAXIS_SUPERVISOR_TOKEN", supervisor.token()));
        Process story = node.start();
        if (!story.waitFor(3, TimeUnit.MINUTES)) {
            story.destroyForcibly();
            fail("the TypeScript story took over 3 minutes:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.print(log);
        assertEquals(0, story.exitValue(), "the TypeScript story failed:\n" + log);
        assertTrue(log.contains("platform story: done"), log);
    }

    /** The operation's typed answer; a generated operation that returns nothing has a document declaring no 2xx schema. */
    private static <T> T typed(String operation, T answer) {
        if (answer == null) {
            fail(operation + ": the SDK returned no typed result (its document declares no success schema)");
        }
        return answer;
    }

    private static SubmitScreeningRequest screening(String instrument, int... answers) {
        SubmitScreeningRequest request = new SubmitScreeningRequest().instrument(instrument);
        for (int i = 0; i < answers.length; i++) {
            request.putAnswersItem(Integer.toString(i + 1), answers[i]);
        }
        return request;
    }

    private static PartyRequest party(String role, Tokens who) {
        return request(PartyRequest.class, Map.of("role", role, "subject", who.subject(), "required", true));
    }

    /**
     * A request model from its fields, read as the SDK reads JSON: a closed set is a plain string in one
     * version of a document and an enum in the next (issue 20 turns them into enums), and either reads.
     */
    private static <T> T request(Class<T> model, Map<String, Object> fields) {
        return JSON.getDefault().getMapper().convertValue(fields, model);
    }
}
