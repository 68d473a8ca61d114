package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Keycloak realm of both overlays (the KeycloakRealmImport) and of the local stack
 * (deploy/local/realm-praxis.json): brute-force detection, a password policy, refresh-token rotation,
 * the mobile client on authorisation code with PKCE only; in Kubernetes, a one-time code for every
 * coach, supervisor and admin — checked by walking the bound browser flow for every combination of
 * roles, as Keycloak would run it; locally, password grants keep working and the code stays optional.
 */
class RealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The realm roles that must log in with a one-time code in Kubernetes. */
    static final Set<String> OTP_ROLES = Set.of("coach", "supervisor", "admin");

    static final List<String> PERSON_ROLES = List.of("client", "coach", "supervisor", "sponsor", "admin");

    static JsonNode kubernetesRealm(String overlay) {
        List<JsonNode> imports = RenderedManifests.of(overlay).ofKind("KeycloakRealmImport");
        assertEquals(1, imports.size(), overlay + ": one realm import");
        return imports.get(0).at("/spec/realm");
    }

    static JsonNode localRealm() {
        Path file =
                RenderedManifests.k8s().resolve("../local/realm-praxis.json").normalize();
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** "length(12) and notUsername(undefined) and ..." as policy id to its argument ("" when it has none). */
    static Map<String, String> passwordPolicy(JsonNode realm) {
        Map<String, String> policy = new LinkedHashMap<>();
        String text = realm.path("passwordPolicy").asText("");
        if (text.isBlank()) {
            return policy;
        }
        Matcher m =
                Pattern.compile("^\\s*([A-Za-z]+)\\s*(?:\\(([^)]*)\\))?\\s*$").matcher("");
        for (String part : text.split("\\band\\b")) {
            assertTrue(m.reset(part).matches(), "unreadable password policy part '" + part + "' in " + text);
            String arg = m.group(2) == null || "undefined".equals(m.group(2))
                    ? ""
                    : m.group(2).trim();
            policy.put(m.group(1), arg);
        }
        return policy;
    }

    /** What both realms must have; the problems found, empty when none. */
    static List<String> commonHardening(String where, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            problems.add(where + ": brute-force detection is off");
        }
        int factor = realm.path("failureFactor").asInt(30);
        if (factor < 3 || factor > 10) {
            problems.add(where + ": failureFactor " + factor + " (lock after 3 to 10 failed logins)");
        }
        if (realm.path("waitIncrementSeconds").asInt(60) < 30
                || realm.path("maxFailureWaitSeconds").asInt(900) < 300) {
            problems.add(where + ": a lockout shorter than 30 s, or never longer than 5 min");
        }
        if (realm.path("maxDeltaTimeSeconds").asInt(43200) < 3600) {
            problems.add(where + ": failures forgotten within the hour (maxDeltaTimeSeconds)");
        }
        if (realm.path("permanentLockout").asBoolean(false)
                && realm.path("maxTemporaryLockouts").asInt(0) == 0) {
            problems.add(where + ": permanent lockout on the first series of failures lets anyone lock a user out");
        }
        Map<String, String> policy = passwordPolicy(realm);
        if (intOr(policy.get("length"), 0) < 12) {
            problems.add(where + ": password policy needs length(12) or more: " + policy);
        }
        if (policy.containsKey("maxLength") && intOr(policy.get("maxLength"), 0) < 64) {
            problems.add(where + ": maxLength below 64 keeps out passphrases: " + policy);
        }
        if (!policy.containsKey("notUsername") && !policy.containsKey("notContainsUsername")) {
            problems.add(where + ": password policy allows the username: " + policy);
        }
        if (!policy.containsKey("notEmail")) {
            problems.add(where + ": password policy allows the e-mail address: " + policy);
        }
        if (intOr(policy.get("passwordHistory"), 0) < 3) {
            problems.add(
                    where + ": password policy lets a recent password be used again (passwordHistory >= 3): " + policy);
        }
        if (!realm.path("revokeRefreshToken").asBoolean(false)
                || realm.path("refreshTokenMaxReuse").asInt(0) != 0) {
            problems.add(where + ": refresh tokens do not rotate (revokeRefreshToken true, refreshTokenMaxReuse 0)");
        }
        JsonNode mobile = client(realm, "praxis-mobile");
        if (mobile == null) {
            problems.add(where + ": no praxis-mobile client");
        } else {
            if (!mobile.path("publicClient").asBoolean(false)
                    || !"S256"
                            .equals(mobile.at("/attributes/pkce.code.challenge.method")
                                    .asText())) {
                problems.add(where + ": praxis-mobile is not a public client with PKCE S256");
            }
            if (mobile.path("directAccessGrantsEnabled").asBoolean(false)
                    || mobile.path("implicitFlowEnabled").asBoolean(false)) {
                problems.add(where + ": praxis-mobile allows password grants or the implicit flow");
            }
            if ("false".equals(mobile.at("/attributes/use.refresh.tokens").asText())) {
                problems.add(where + ": praxis-mobile gets no refresh tokens, so none rotate");
            }
        }
        return problems;
    }

    private static int intOr(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKubernetesRealmIsHardened(String overlay) {
        JsonNode realm = kubernetesRealm(overlay);
        List<String> problems = new ArrayList<>(commonHardening(overlay, realm));
        if (!"all".equals(realm.path("sslRequired").asText())) {
            problems.add(overlay + ": sslRequired is not 'all'");
        }
        problems.addAll(clientProblems(overlay, realm));
        if (realm.path("otpPolicyCodeReusable").asBoolean(false)) {
            problems.add(overlay + ": a one-time code may be used twice");
        }
        problems.addAll(otpProblems(overlay, realm));
        assertEquals(List.of(), problems);
    }

    /** No client may log a person in around the browser flow, or with tokens in a URL. */
    static List<String> clientProblems(String where, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        for (JsonNode c : realm.path("clients")) {
            String id = c.path("clientId").asText();
            // a password grant runs the direct grant flow, which would log a coach in without the code
            if (c.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add(where + ": client " + id + " allows password grants");
            }
            if (c.path("implicitFlowEnabled").asBoolean(false)) {
                problems.add(where + ": client " + id + " allows the implicit flow");
            }
            if (c.has("authenticationFlowBindingOverrides")
                    && !c.path("authenticationFlowBindingOverrides").isEmpty()) {
                problems.add(where + ": client " + id + " overrides the realm's login flows");
            }
        }
        return problems;
    }

    @Test
    void theLocalRealmIsHardenedAndKeepsPasswordGrantsForTheLocalTools() {
        JsonNode realm = localRealm();
        List<String> problems = new ArrayList<>(commonHardening("local", realm));
        // deploy/local/smoke and bench/ get tokens by password grant with praxis-cli
        JsonNode cli = client(realm, "praxis-cli");
        if (cli == null || !cli.path("directAccessGrantsEnabled").asBoolean(false)) {
            problems.add("local: praxis-cli must allow password grants (deploy/local/smoke, bench)");
        }
        // the one-time code stays optional locally: Keycloak's own browser and direct grant flows
        if (realm.has("browserFlow") || realm.has("directGrantFlow") || realm.has("authenticationFlows")) {
            problems.add("local: custom login flows; the local realm keeps Keycloak's (OTP only for who set it up)");
        }
        for (JsonNode u : realm.path("users")) {
            String name = u.path("username").asText();
            if (u.path("requiredActions").toString().contains("CONFIGURE_TOTP")) {
                problems.add("local: " + name + " must set up OTP, which a password grant cannot");
            }
            // Keycloak applies the password policy to a plain-text credential on import and refuses to
            // start when it fails (the demo password is shorter than 12): demo users carry a hash
            for (JsonNode c : u.path("credentials")) {
                if (c.has("value")) {
                    problems.add(
                            "local: " + name + " has a plain-text credential; import checks it against the policy");
                }
                if ("password".equals(c.path("type").asText())
                        && !c.path("secretData").asText().contains("\"salt\"")) {
                    problems.add("local: " + name + "'s password has no salted hash");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theChecksCatchAWeakenedRealm() {
        JsonNode good = kubernetesRealm("dev");
        assertEquals(List.of(), commonHardening("dev", good));

        ObjectNode weak = good.deepCopy();
        weak.put("bruteForceProtected", false);
        weak.put("passwordPolicy", "length(8) and notUsername(undefined)");
        weak.put("refreshTokenMaxReuse", 2);
        List<String> problems = commonHardening("dev", weak);
        for (String expected :
                List.of("brute-force detection is off", "length(12)", "e-mail", "passwordHistory", "do not rotate")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not reported: " + problems);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The browser flow, walked as Keycloak's DefaultAuthenticationFlow runs it for a fresh login (no SSO
    // cookie, no identity provider): executions by priority; REQUIRED ones run; a CONDITIONAL sub-flow
    // runs only when every condition in it holds; ALTERNATIVE ones count only in a flow without REQUIRED
    // or CONDITIONAL executions, where the first that can succeed wins. An OTP form that runs asks for a
    // code, or, for a user without one, sends them to set it up (CONFIGURE_TOTP) before any token.
    // ------------------------------------------------------------------------------------------------

    /** A user as far as the flow can tell: their realm roles and whether they have set up OTP. */
    record User(Set<String> roles, boolean otpSetUp) {
        @Override
        public String toString() {
            return roles + (otpSetUp ? " with OTP set up" : "");
        }
    }

    /** What a fresh browser login asks of the user. */
    record Login(boolean password, int otpForms) {}

    static final class FlowWalker {
        private final Map<String, JsonNode> flows = new LinkedHashMap<>();
        private final Map<String, JsonNode> configs = new LinkedHashMap<>();
        final String top;

        FlowWalker(JsonNode realm) {
            realm.path("authenticationFlows")
                    .forEach(f -> flows.put(f.path("alias").asText(), f));
            realm.path("authenticatorConfig")
                    .forEach(c -> configs.put(c.path("alias").asText(), c.path("config")));
            top = realm.path("browserFlow").asText("browser");
        }

        Login login(User user) {
            JsonNode flow = flows.get(top);
            if (flow == null) {
                throw new AssertionError("the realm binds browserFlow '" + top + "', which it does not define");
            }
            if (!flow.path("topLevel").asBoolean(false)) {
                throw new AssertionError("browserFlow '" + top + "' is not a top-level flow");
            }
            int[] otp = {0};
            boolean[] password = {false};
            walk(flow, user, otp, password, 0);
            return new Login(password[0], otp[0]);
        }

        private static List<JsonNode> executions(JsonNode flow) {
            List<JsonNode> list = new ArrayList<>();
            flow.path("authenticationExecutions").forEach(list::add);
            list.sort(Comparator.comparingInt(e -> e.path("priority").asInt(0)));
            return list;
        }

        private static boolean isCondition(JsonNode e) {
            return !e.path("authenticatorFlow").asBoolean(false)
                    && e.path("authenticator").asText().startsWith("conditional-");
        }

        /** Runs a flow; returns whether it can succeed for the user (the walk records what it asks). */
        private boolean walk(JsonNode flow, User user, int[] otp, boolean[] password, int depth) {
            if (depth > 10) {
                throw new AssertionError(
                        "flows nest too deep at " + flow.path("alias").asText());
            }
            List<JsonNode> execs = executions(flow);
            boolean hasRequired = execs.stream()
                    .filter(e -> !isCondition(e))
                    .anyMatch(e -> Set.of("REQUIRED", "CONDITIONAL")
                            .contains(e.path("requirement").asText()));
            for (JsonNode e : execs) {
                String req = e.path("requirement").asText();
                if (isCondition(e) || "DISABLED".equals(req)) {
                    continue;
                }
                if ("ALTERNATIVE".equals(req)) {
                    if (hasRequired) {
                        continue; // Keycloak ignores alternatives next to required executions
                    }
                    if (run(e, user, otp, password, depth)) {
                        return true; // the first alternative that succeeds ends the flow
                    }
                    continue;
                }
                if ("CONDITIONAL".equals(req)) {
                    JsonNode sub = subFlow(e);
                    if (conditionsHold(sub, user)) {
                        walk(sub, user, otp, password, depth + 1);
                    }
                    continue;
                }
                if (!"REQUIRED".equals(req)) {
                    throw new AssertionError("unknown requirement " + req + " in "
                            + flow.path("alias").asText());
                }
                run(e, user, otp, password, depth);
            }
            return true;
        }

        private boolean run(JsonNode e, User user, int[] otp, boolean[] password, int depth) {
            if (e.path("authenticatorFlow").asBoolean(false)) {
                return walk(subFlow(e), user, otp, password, depth + 1);
            }
            String authenticator = e.path("authenticator").asText();
            switch (authenticator) {
                case "auth-cookie":
                    return false; // no SSO session on a fresh login
                case "identity-provider-redirector":
                    return false; // the realm has no identity providers
                case "auth-username-password-form":
                    password[0] = true;
                    return true;
                case "auth-otp-form":
                    otp[0]++;
                    return true;
                default:
                    throw new AssertionError("the walk does not know authenticator " + authenticator
                            + "; teach RealmTest.FlowWalker what it asks before relying on it");
            }
        }

        private JsonNode subFlow(JsonNode e) {
            JsonNode sub = flows.get(e.path("flowAlias").asText());
            if (sub == null) {
                throw new AssertionError("execution names an undefined flow '"
                        + e.path("flowAlias").asText() + "'");
            }
            return sub;
        }

        /** Every condition of a CONDITIONAL sub-flow holds (Keycloak ANDs them); none at all means it never runs. */
        private boolean conditionsHold(JsonNode flow, User user) {
            boolean any = false;
            for (JsonNode e : executions(flow)) {
                if (!isCondition(e) || "DISABLED".equals(e.path("requirement").asText())) {
                    continue;
                }
                any = true;
                String authenticator = e.path("authenticator").asText();
                boolean holds;
                switch (authenticator) {
                    case "conditional-user-role": {
                        JsonNode config =
                                configs.get(e.path("authenticatorConfig").asText());
                        if (config == null) {
                            throw new AssertionError("condition without its config '"
                                    + e.path("authenticatorConfig").asText() + "'");
                        }
                        boolean has = user.roles()
                                .contains(config.path("condUserRole").asText());
                        holds = Boolean.parseBoolean(config.path("negate").asText("false")) != has;
                        break;
                    }
                    case "conditional-user-configured":
                        // true when the user has set up what the sub-flow's authenticators need: here only OTP forms
                        for (JsonNode other : executions(flow)) {
                            if (!isCondition(other)
                                    && !"auth-otp-form"
                                            .equals(other.path("authenticator").asText())) {
                                throw new AssertionError(
                                        "'user configured' next to " + other + ": the walk only knows OTP forms there");
                            }
                        }
                        holds = user.otpSetUp();
                        break;
                    default:
                        throw new AssertionError("the walk does not know condition " + authenticator);
                }
                if (!holds) {
                    return false;
                }
            }
            return any;
        }
    }

    /** Every combination of the person roles, with and without OTP set up. */
    static List<User> everyUser() {
        List<User> users = new ArrayList<>();
        for (int mask = 0; mask < 1 << PERSON_ROLES.size(); mask++) {
            Set<String> roles = new TreeSet<>();
            for (int i = 0; i < PERSON_ROLES.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    roles.add(PERSON_ROLES.get(i));
                }
            }
            users.add(new User(roles, false));
            users.add(new User(roles, true));
        }
        return users;
    }

    /** A coach, supervisor or admin is asked once for a code (or sent to set one up); anyone else only once they set one up. */
    static List<String> otpProblems(String where, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        JsonNode actions = realm.path("requiredActions");
        if (actions.isArray()) { // absent: Keycloak adds its defaults, CONFIGURE_TOTP enabled among them
            boolean enabled = StreamSupport.stream(actions.spliterator(), false)
                    .anyMatch(a -> "CONFIGURE_TOTP".equals(a.path("alias").asText())
                            && a.path("enabled").asBoolean(false));
            if (!enabled) {
                problems.add(where
                        + ": the CONFIGURE_TOTP required action is not enabled, so no one can be made to set up OTP");
            }
        }
        String bound = realm.path("browserFlow").asText("");
        if (StreamSupport.stream(realm.path("authenticationFlows").spliterator(), false)
                .noneMatch(f -> bound.equals(f.path("alias").asText()))) {
            problems.add(where + ": the browser flow is Keycloak's built-in one ('" + bound
                    + "' is not defined here), which asks no one for a code");
            return problems;
        }
        FlowWalker walker = new FlowWalker(realm);
        for (User user : everyUser()) {
            Login login = walker.login(user);
            boolean mustOtp = user.roles().stream().anyMatch(OTP_ROLES::contains) || user.otpSetUp();
            if (!login.password()) {
                problems.add(where + ": " + user + " logs in without a password");
            }
            if (login.otpForms() != (mustOtp ? 1 : 0)) {
                problems.add(where + ": " + user + " is asked for a one-time code " + login.otpForms()
                        + " times, expected " + (mustOtp ? 1 : 0));
            }
        }
        return problems;
    }

    @Test
    void theFlowWalkCatchesAStaffRoleWithoutOtpAndADoublePrompt() {
        JsonNode realm = kubernetesRealm("dev");
        assertEquals(List.of(), otpProblems("dev", realm));

        // drop the sub-flow that asks admins: an admin (who is not also a coach or supervisor) gets in without a code
        ObjectNode noAdminOtp = realm.deepCopy();
        for (JsonNode f : noAdminOtp.path("authenticationFlows")) {
            ArrayNode execs = (ArrayNode) f.path("authenticationExecutions");
            for (int i = execs.size() - 1; i >= 0; i--) {
                if ("OTP for admins".equals(execs.get(i).path("flowAlias").asText())) {
                    execs.remove(i);
                }
            }
        }
        List<String> problems = otpProblems("dev", noAdminOtp);
        assertFalse(problems.isEmpty(), "removing the admins' OTP went unnoticed");
        assertTrue(
                problems.stream().allMatch(p -> p.contains("admin") && p.contains("0 times")),
                String.join("\n", problems));

        // the supervisors' sub-flow no longer excludes coaches: a coach who supervises is asked twice
        ObjectNode twice = realm.deepCopy();
        for (JsonNode c : twice.path("authenticatorConfig")) {
            if ("OTP for supervisors - not coach".equals(c.path("alias").asText())) {
                ((ObjectNode) c.path("config")).put("negate", "false");
                ((ObjectNode) c.path("config")).put("condUserRole", "supervisor");
            }
        }
        problems = otpProblems("dev", twice);
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.contains("coach") && p.contains("supervisor") && p.contains("2 times")),
                String.join("\n", problems));

        // the browser flow left at Keycloak's: nobody is made to use a code
        ObjectNode unbound = realm.deepCopy();
        unbound.remove("browserFlow");
        assertTrue(
                otpProblems("dev", unbound).stream().anyMatch(p -> p.contains("built-in")),
                "an unbound flow went unnoticed");

        // a password grant would skip the browser flow
        ObjectNode direct = realm.deepCopy();
        for (JsonNode c : direct.path("clients")) {
            if ("praxis-platform".equals(c.path("clientId").asText())) {
                ((ObjectNode) c).put("directAccessGrantsEnabled", true);
            }
        }
        assertEquals(List.of("dev: client praxis-platform allows password grants"), clientProblems("dev", direct));
    }
}
