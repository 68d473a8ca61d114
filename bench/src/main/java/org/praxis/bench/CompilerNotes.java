package org.praxis.bench;

import static org.praxis.bench.Report.f;

import java.util.List;
import java.util.Locale;

/**
 * What the report says about the services' JIT compilers: how each warm-up ended, and how much of the services' CPU
 * the compilers still used in the measured runs (to a tenth of a percent: the threshold is a few percent).
 */
final class CompilerNotes {
    private CompilerNotes() {}

    static String share(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** How long, within which limits, and the compilers' share in the last slice. */
    static String warmUp(JitCompilers.WarmUp w) {
        return warmUp(w, "the services'");
    }

    /** {@code whose}: whose compilers the warm-up watched ("the services'", "its"). */
    static String warmUp(JitCompilers.WarmUp w, String whose) {
        return f(w.seconds()) + " s (at least " + w.leastSeconds() + " s, then on in " + JitCompilers.SLICE.toSeconds()
                + " s slices until " + whose + " JIT compilers used under " + share(JitCompilers.QUIET)
                + " of their CPU, at most " + w.mostSeconds() + " s; in the last slice " + share(w.compilerShare())
                + ")";
    }

    /** Benchmark 1's warm-up for the settings table: a fixed time in runs before the driver read the compilers. */
    static String benchmarkOneWarmUp(Results r) {
        JitCompilers.WarmUp w = r.screening().warmUp();
        return w == null
                ? "warm-up " + Math.round(r.screening().warmUpSeconds()) + " s"
                : "warm-up at 8 connections " + warmUp(w);
    }

    /** After benchmark 1's CPU table: the compilers' share in each closed run. */
    static void screeningLevels(StringBuilder md, Results r) {
        if (r.screening().warmUp() == null) {
            return; // a run from before the driver read the compiler threads
        }
        List<ScreeningThroughput.Level> levels = r.screening().levels();
        md.append("The services' JIT compilers (their C1 and C2 threads, from `/proc/<pid>/task`) used ");
        for (int i = 0; i < levels.size(); i++) {
            md.append(i == 0 ? "" : i == levels.size() - 1 ? " and " : ", ")
                    .append(share(levels.get(i).compilerShare()))
                    .append(" at c=")
                    .append(levels.get(i).concurrency());
        }
        md.append(" of the services' CPU in the closed runs.\n\n");
    }

    /** Benchmark 5's warm-up and the compilers' share in its closed run. */
    static void reads(StringBuilder md, ReadThroughput.Result reads) {
        if (reads.warmUp() == null) {
            return; // a run from before the reads' warm-up waited for the compilers
        }
        md.append("Warm-up at the same concurrency ")
                .append(warmUp(reads.warmUp()))
                .append("; in the closed run the compilers used ")
                .append(share(reads.compilerShare()))
                .append(" of the services' CPU.\n\n");
    }
}
