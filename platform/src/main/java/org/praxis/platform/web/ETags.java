package org.praxis.platform.web;

import jakarta.ws.rs.core.EntityTag;
import org.praxis.platform.problem.ProblemException;

/** Strong ETags from a row's version: GETs answer 304 to a matching If-None-Match, changes need If-Match. */
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
