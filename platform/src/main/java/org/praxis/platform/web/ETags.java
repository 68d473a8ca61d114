package org.praxis.platform.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.praxis.platform.problem.ProblemException;

/**
 * Strong ETags from a row's version: GETs answer 304 to a matching If-None-Match, changes need
 * If-Match. A resource checks If-Match through its domain operation and answers with one of
 * {@link #ok}, {@link #created} or {@link #okUnlessNotModified}, so the view always carries the
 * version it shows.
 */
public final class ETags {
    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 428 without If-Match, 412 when it names another version than the current one. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        if (ifMatch.length() > Bounds.ETAG_HEADER) {
            throw ProblemException.staleVersion("If-Match is longer than " + Bounds.ETAG_HEADER
                    + " characters; send the ETag of the resource as read.");
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected)) {
                return;
            }
        }
        throw ProblemException.staleVersion("If-Match " + ifMatch + " does not match the current version " + expected
                + "; read the resource again.");
    }

    /** Where the contract lets a change go without If-Match: 412 only when one is sent and is stale. */
    public static void requireMatchIfPresent(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            requireMatch(ifMatch, currentVersion);
        }
    }

    /** 200 with the view and the ETag of the version it shows. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(of(version)).build();
    }

    /** 201 at {@code location} with the view and the ETag of the version it shows. */
    public static Response created(URI location, Object view, long version) {
        return Response.created(location).entity(view).tag(of(version)).build();
    }

    /** 304 when If-None-Match names this version, else 200 with the view (made only then) and its ETag. */
    public static Response okUnlessNotModified(String ifNoneMatch, long version, Supplier<?> view) {
        return matchesNoneMatch(ifNoneMatch, version)
                ? Response.notModified(of(version)).build()
                : ok(view.get(), version);
    }

    public static boolean matchesNoneMatch(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch == null || ifNoneMatch.length() > Bounds.ETAG_HEADER) {
            return false;
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return true;
            }
        }
        return false;
    }
}
