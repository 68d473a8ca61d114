// The platform story through the TypeScript SDK, as an integrator's code would run it: open an intake,
// submit screenings (one answering PHQ-9 item 9 above 0), decide coaching, find the engagement
// session-service drafted, propose and accept its contract, book a session and record it held; the
// risk flag reaches the supervisors (intake's flags of the intake, referral-service's draft queue).
// Run by system-tests (SdkStoryTest) with the stack's addresses and tokens in the environment; exits
// non-zero naming the step (and the operation) that failed.
import { configure, intake, items, referral, session } from "../src";

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

const urls = { intake: env("PRAXIS_INTAKE_URL"), session: env("PRAXIS_SESSION_URL"), referral: env("PRAXIS_REFERRAL_URL") };
const coach = { token: () => env("PRAXIS_COACH_TOKEN"), subject: env("PRAXIS_COACH_SUBJECT") };
const client = { token: () => env("PRAXIS_CLIENT_TOKEN"), subject: env("PRAXIS_CLIENT_SUBJECT") };
const supervisor = { token: () => env("PRAXIS_SUPERVISOR_TOKEN") };

/** What a step answered, failing the story when the SDK gave nothing typed back. */
function typed<T>(operation: string, value: T | undefined | null): T {
    if (value === undefined || value === null) {
        throw new Error(`${operation}: the SDK returned no typed result (the document declares none)`);
    }
    return value;
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        const found = await probe();
        if (found !== undefined) {
            return found;
        }
        await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`${what}: not seen within 60 s`);
}

async function story(): Promise<void> {
    const intakesAsCoach = new intake.IntakesApi(configure(intake.Configuration, urls.intake, coach.token));
    const intakesAsClient = new intake.IntakesApi(configure(intake.Configuration, urls.intake, client.token));

    const opened = typed("openIntake", await intakesAsCoach.openIntake({
        createIntakeRequest: { clientSubject: client.subject, displayName: "Sam Client", presentingConcerns: "Wants a career change" },
    }));
    const intakeId = typed("openIntake id", opened.id);
    console.log(`intake ${intakeId} opened`);

    const phq9: Record<string, number> = { "1": 1, "2": 1, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 1 };
    const risky = typed("submitScreening", await intakesAsClient.submitScreening({
        id: intakeId,
        submitScreeningRequest: { instrument: "PHQ-9", answers: phq9 },
    }));
    // The client reads wording, never the codes; the coach reads the flag's code in the intake's scores.
    if (risky.severity != null || risky.riskFlags != null || (risky.wording.riskFlags ?? []).length !== 1) {
        throw new Error(`submitScreening: a client read ${JSON.stringify(risky)}, not one flag's wording and no codes`);
    }
    const scores = typed("listScreenings", await intakesAsCoach.listScreenings({ id: intakeId }));
    const flags = (scores.items ?? []).flatMap((s) => s.riskFlags ?? []).map((f) => f.code);
    if (!flags.includes("self-harm-thoughts")) {
        throw new Error(`listScreenings: PHQ-9 item 9 = 1 raised ${JSON.stringify(flags)}, not self-harm-thoughts`);
    }
    const gad7: Record<string, number> = { "1": 1, "2": 0, "3": 1, "4": 0, "5": 0, "6": 1, "7": 0 };
    typed("submitScreening", await intakesAsClient.submitScreening({
        id: intakeId,
        submitScreeningRequest: { instrument: "GAD-7", answers: gad7 },
    }));
    console.log("screenings submitted (PHQ-9 with a risk flag, GAD-7)");

    const decision = typed("decidePathway", await intakesAsCoach.decidePathway({
        id: intakeId,
        decisionRequest: {
            pathway: "coaching",
            practitionerId: coach.subject,
            reason: "Supervisor reviewed the flag with the client: coaching with a safety plan",
        },
    }));
    console.log(`decided ${decision.pathway}`);

    const engagementsAsCoach = new session.EngagementsApi(configure(session.Configuration, urls.session, coach.token));
    const engagementsAsClient = new session.EngagementsApi(configure(session.Configuration, urls.session, client.token));
    const engagement = await eventually("the engagement drafted from the decision (listEngagements)", async () => {
        for await (const e of items((cursor) => engagementsAsCoach.listEngagements({ cursor }))) {
            if (e.sourceIntakeId === intakeId) {
                return e;
            }
        }
        return undefined;
    });
    const engagementId = typed("listEngagements id", engagement.id);
    console.log(`engagement ${engagementId} drafted (${engagement.status})`);

    const contract = typed("proposeContract", await engagementsAsCoach.proposeContract({
        id: engagementId,
        proposeContractRequest: {
            purpose: "Career transition",
            parties: [
                { role: "client", subject: client.subject, required: true },
                { role: "coach", subject: coach.subject, required: true },
            ],
        },
    }));
    const number = typed("proposeContract number", contract.number);
    await engagementsAsClient.acceptContract({ id: engagementId, number });
    await engagementsAsCoach.acceptContract({ id: engagementId, number });
    const active = typed("getEngagement", await engagementsAsCoach.getEngagement({ id: engagementId }));
    if (active.status !== "active") {
        throw new Error(`getEngagement: ${active.status} after both parties accepted, not active`);
    }
    console.log("contract accepted by both; engagement active");

    const sessions = new session.SessionsApi(configure(session.Configuration, urls.session, coach.token));
    const booked = typed("scheduleSession", await sessions.scheduleSession({
        id: engagementId,
        scheduleRequest: { scheduledAt: new Date(Date.now() - 3_600_000), durationMinutes: 60, mode: "video" },
    }));
    const sessionId = typed("scheduleSession id", booked.id);
    const held = typed("recordSessionOutcome", await sessions.recordSessionOutcome({
        id: engagementId,
        sessionId,
        outcomeRequest: { status: "held", scaling: 6 },
    }));
    if (held.status !== "held") {
        throw new Error(`recordSessionOutcome: the session is ${held.status}, not held`);
    }
    console.log(`session ${sessionId} booked and held`);

    const flagsAsSupervisor = new intake.RiskFlagsApi(configure(intake.Configuration, urls.intake, supervisor.token));
    const open = typed("listRiskFlags", await flagsAsSupervisor.listRiskFlags({ intakeId }));
    if (!(open.items ?? []).some((f) => f.code === "self-harm-thoughts")) {
        throw new Error("listRiskFlags: the supervisor does not see the intake's self-harm-thoughts flag");
    }
    const referralsAsSupervisor = new referral.ReferralsApi(configure(referral.Configuration, urls.referral, supervisor.token));
    const draft = await eventually("the urgent draft referral in the supervisors' queue (listReferrals)", async () => {
        const page = await referralsAsSupervisor.listReferrals({ status: "draft", origin: "risk-flag" });
        return (page.items ?? []).find((r) => r.intakeId === intakeId);
    });
    if (draft.urgency !== "urgent") {
        throw new Error(`listReferrals: the risk draft is ${draft.urgency}, not urgent`);
    }
    console.log("the risk flag reached the supervisors: the intake's flag and an urgent draft referral");
}

story().then(
    () => console.log("platform story: done"),
    (e: unknown) => {
        console.error(`platform story failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
    },
);
