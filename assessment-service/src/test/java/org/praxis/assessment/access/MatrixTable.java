package org.praxis.assessment.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * A role × relation table written out by hand in a test (never derived from the grant tables), checked
 * cell by cell against a policy's {@code can}: for each action, each role and each fixture (the
 * caller's relation to the object), whether the caller may do it.
 *
 * <p>Rows read {@code "action | client | coach | supervisor | sponsor | admin"}; a cell lists the
 * fixtures the role reaches, comma-separated, or {@code -} for none.
 */
final class MatrixTable {
    static final List<String> ROLES = List.of(Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR, Roles.ADMIN);
    /** The caller's subject in every cell; fixtures are built relative to it. */
    static final String ME = "me";
    /** The practitioner the caller supervises. */
    static final String MY_SUPERVISEE = "my-supervisee";
    /** Someone the caller has nothing to do with. */
    static final String STRANGER = "stranger";

    private MatrixTable() {}

    static Caller caller(String role) {
        return new Caller(ME, "t-matrix", Set.of(role), false);
    }

    /**
     * Checks every cell and returns how many were checked.
     *
     * @param policy   the policy for a caller who supervises {@link #MY_SUPERVISEE}
     * @param fixtures the objects by name (the caller's relation to them)
     */
    static <E, A extends Enum<A>> int check(
            String aggregate, Policy<E, A, ?> policy, Class<A> actions, Map<String, E> fixtures, String... rows) {
        Map<A, String[]> table = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::trim).toArray(String[]::new);
            assertEquals(ROLES.size() + 1, cells.length, aggregate + ": malformed row " + row);
            A action = Enum.valueOf(actions, cells[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            table.put(action, Arrays.copyOfRange(cells, 1, cells.length));
        }
        assertEquals(
                new TreeSet<>(List.of(actions.getEnumConstants())),
                new TreeSet<>(table.keySet()),
                aggregate + ": the table names every action");
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<A, String[]> row : table.entrySet()) {
            for (int r = 0; r < ROLES.size(); r++) {
                Set<String> expected =
                        row.getValue()[r].equals("-") ? Set.of() : Set.of(row.getValue()[r].split("\\s*,\\s*"));
                for (String fixture : expected) {
                    if (!fixtures.containsKey(fixture)) {
                        throw new IllegalArgumentException(aggregate + ": unknown fixture " + fixture);
                    }
                }
                Caller caller = caller(ROLES.get(r));
                for (Map.Entry<String, E> fixture : fixtures.entrySet()) {
                    boolean allowed = policy.can(caller, row.getKey(), fixture.getValue());
                    cells++;
                    if (allowed != expected.contains(fixture.getKey())) {
                        wrong.add(aggregate + ":" + row.getKey().name().toLowerCase(Locale.ROOT) + " " + ROLES.get(r)
                                + " on " + fixture.getKey() + " → " + (allowed ? "allowed" : "refused"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        System.out.printf("access matrix %s: %d cells%n", aggregate, cells);
        return cells;
    }

    /** own / supervisee / stranger fixtures for a practitioner's record, by who the record is about. */
    static <E> Map<String, E> records(Function<String, E> about) {
        Map<String, E> fixtures = new LinkedHashMap<>();
        fixtures.put("own", about.apply(ME));
        fixtures.put("supervisee", about.apply(MY_SUPERVISEE));
        fixtures.put("stranger", about.apply(STRANGER));
        return fixtures;
    }
}
