package org.praxis.session;

import org.praxis.testsupport.EmbeddedPostgres;

/** Rows written straight to the database, to fill an engagement up to a ceiling without a request per row. */
public final class EngagementRows {
    private EngagementRows() {}

    /**
     * {@code n} copies of the rows of {@code table} whose {@code column} is {@code id}, under new ids; {@code more}
     * adds fields to override (e.g. {@code ", 'number', x.number + i"}).
     */
    public static void copies(String table, String column, String id, int n, String more) {
        EmbeddedPostgres.shared()
                .execute("insert into " + table + " select (jsonb_populate_record(null::" + table + ", to_jsonb(x)"
                        + " || jsonb_build_object('id', gen_random_uuid()" + more + "))).* from " + table
                        + " x, generate_series(1, " + n + ") i where x." + column + " = '" + id + "'");
    }
}
