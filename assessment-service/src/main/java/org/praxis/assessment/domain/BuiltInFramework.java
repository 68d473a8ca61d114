package org.praxis.assessment.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The coaching competence framework the product ships: the structure and codes of the published
 * framework (seed 003) with short titles in the project's own words. A tenant imports the
 * authoritative wording as its own framework version (CASE JSON) when it has the rights to it.
 */
public final class BuiltInFramework {
    public static final String CODE = "praxis-coaching";
    public static final int VERSION = 1;
    private static final String TITLE = "Coaching competence framework (Praxis short titles)";

    private static final String[][] DOMAIN_ONE = {
        {
            "Building and keeping the coaching partnership",
            "Shows the values, standards and conduct of professional coaching",
            "Knows the founding principles of coaching",
            "Knows how coaching compares with therapy, mentoring and related work",
            "Explains plainly to clients and stakeholders how coaching differs from related work",
            "Keeps checking with the person whether coaching suits them, and refers on when it does not",
            "Knows the kinds of coaching contract and agrees fitting ones",
            "Handles the practical and ethical questions of three-party and multi-party contracts",
            "Starts periodic reviews of the process, the learning and the fit with the aims",
            "Keeps the contract alive and adapts it with the client as the work goes on"
        },
        {
            "Running the process and the relationship",
            "Carries a respectful, empathic and genuine coaching process from start to end",
            "Applies one or more models of coaching to run sessions",
            "Takes a relational stance that matches coaching's principles",
            "Builds collaboration on what the coach and the client each know best",
            "Works with power and autonomy as they show up in the relationship",
            "Grows the client's capacity to learn and solve problems for themselves",
            "Notices and raises patterns that work against the client's self-direction",
            "Asks for the client's feedback on the coach and the process and responds well",
            "Challenges unhelpful or unacknowledged behaviour and attitudes",
            "Understands how risk can arise in coaching and how context shapes the response",
            "Closes the work with a review that helps the learning last"
        },
        {
            "Widening awareness of self, others and situation",
            "Helps the client see themselves, others and their situation more broadly and in detail",
            "Helps the client look at themselves, others and their situation from several angles",
            "Helps the client find other ways of framing what happens to them",
            "Brings out the assumptions that shape how the client sees things",
            "Helps the client move from what is lacking to what is possible",
            "Brings out the client's strengths, qualities and values",
            "Helps the client reflect on how sameness and difference with others shaped them",
            "Brings out the wider contexts that limit or enable the client",
            "Helps the client consider how others may experience them",
            "Brings out emotions and how they shape thinking and action",
            "Shares knowledge and experience that fit the client's situation and aims"
        },
        {
            "Finding and pursuing the outcomes the client wants",
            "Helps the client imagine, weigh, choose and pursue outcomes that fit their values",
            "Knows kinds of goals and helps the client tell them apart",
            "Knows and applies one or more theories of motivation",
            "Helps the client picture the outcomes they want within their wider life",
            "Helps the client find and weigh ways to pursue those outcomes",
            "Helps the client think through the consequences of a course of action",
            "Helps the client make concrete plans",
            "Helps the client name resources and obstacles on the way",
            "Reviews progress with the client and challenges where needed",
            "Helps the client reflect on what helped or blocked their progress"
        },
    };

    private static final String[][] DOMAIN_TWO = {
        {
            "Theory of integrating therapy and coaching",
            "Knows how therapy and coaching compare in general",
            "Knows how therapy and coaching compare within one's own modalities",
            "Knows how integrated work differs from therapy alone",
            "Knows how integrated work differs from coaching alone",
            "Knows the gains and drawbacks of integration for clients and practitioners",
            "Can give a coherent rationale for a combined practice",
            "Knows the different ways therapy and coaching can be combined",
            "Has working knowledge of at least one way of combining them"
        },
        {
            "Assessment and contracting for integrated work",
            "Explains integrated work and its rationale to clients and stakeholders",
            "Keeps assessing with the client whether combined work suits their needs",
            "Holds and negotiates differing views of the client's needs",
            "Contracts for integrated work, including how referral would happen",
            "Sees when the contract needs review and reaffirms or revises it with the client",
            "Sees when referral is needed and manages it"
        },
        {
            "Running integrated work",
            "Understands listening as interpretation and how one's own listening shapes it",
            "Judges with the client when to move between therapeutic and coaching work",
            "Manages the different relational dynamics of therapy and coaching",
            "Notices and addresses avoidance or collusion",
            "Applies an ethical framework to integrated practice"
        },
        {
            "Personal attitude and qualities",
            "Shows the attitudes and qualities integrated work needs",
            "Keeps a collaboration that honours the client's perspective and agency",
            "Stays open to the whole of human experience and keeps developing personally",
            "Takes a whole-person view of development, grounded in one's own"
        },
    };

    private static final CompetenceFramework FRAMEWORK = build();

    private BuiltInFramework() {}

    public static CompetenceFramework framework() {
        return FRAMEWORK;
    }

    private static CompetenceFramework build() {
        String documentId = id("document");
        List<CompetenceFramework.Item> items = new ArrayList<>();
        items.add(new CompetenceFramework.Item(
                id("F"),
                "F",
                CompetenceFramework.FOUNDATIONAL,
                "Grounded optimism in people's capacity for resourceful, responsible and compassionate living",
                documentId));
        addDomain(items, documentId, 1, "Core coaching competences", DOMAIN_ONE, true);
        addDomain(items, documentId, 2, "Competences for integrating therapy and coaching", DOMAIN_TWO, false);
        return new CompetenceFramework(CODE, VERSION, TITLE, documentId, List.copyOf(items), List.of());
    }

    /** Each area row: title, then (Domain One only) the metacompetence, then the competences in order. */
    private static void addDomain(
            List<CompetenceFramework.Item> items,
            String documentId,
            int d,
            String title,
            String[][] areas,
            boolean metacompetences) {
        String domainCode = "D" + d;
        items.add(new CompetenceFramework.Item(
                id(domainCode), domainCode, CompetenceFramework.DOMAIN, title, documentId));
        for (int a = 1; a <= areas.length; a++) {
            String[] row = areas[a - 1];
            String areaCode = domainCode + ".A" + a;
            items.add(new CompetenceFramework.Item(
                    id(areaCode), areaCode, CompetenceFramework.AREA, row[0], id(domainCode)));
            int first = 1;
            if (metacompetences) {
                items.add(new CompetenceFramework.Item(
                        id(areaCode + ".M"),
                        areaCode + ".M",
                        CompetenceFramework.METACOMPETENCE,
                        row[1],
                        id(areaCode)));
                first = 2;
            }
            for (int c = first; c < row.length; c++) {
                String code = areaCode + "." + a + "." + (c - first + 1);
                items.add(new CompetenceFramework.Item(
                        id(code), code, CompetenceFramework.COMPETENCE, row[c], id(areaCode)));
            }
        }
    }

    /** Stable identifiers, so every export of the built-in framework is the same document. */
    private static String id(String code) {
        return UUID.nameUUIDFromBytes((CODE + "/" + VERSION + "/" + code).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
