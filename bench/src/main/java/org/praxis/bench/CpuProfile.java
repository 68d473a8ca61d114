package org.praxis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * bench/run --profile: a JFR recording of one service during one run (benchmark 1's closed run at c=32),
 * and where its CPU samples fall, by the package of the innermost frame of our own or a library's code:
 * the report's measured answer to "what costs the difference", instead of a guess. Two samplers, because
 * they disagree: JFR's execution sampler may stop a thread where the compiled code has no frame of its own
 * (a call into a megamorphic handler) and count the sample for the call site, while JDK 25's CPU-time sampler
 * (Linux) counts a sample per slice of CPU a thread used. Beside both, each thread's CPU from /proc: no
 * sampling at all, so it says whose CPU it is even where the samplers disagree.
 */
final class CpuProfile {
    /** Top packages shown; the rest are summed as "other". */
    static final int TOP = 15;

    /**
     * {@code executionSamples}, {@code cpuTimeSamples}: share of each sampler's samples per package, largest first
     * (the second empty on a JDK without the CPU-time sampler). {@code threadCpuMs}: CPU each group of threads used
     * during the recording, in ms, largest first (see {@link ProcessFacts#threadGroup}).
     */
    record Profile(
            Map<String, Double> executionSamples,
            Map<String, Double> cpuTimeSamples,
            Map<String, Double> threadCpuMs) {}

    private final long pid;
    private final Path file;
    private final Map<Long, ProcessFacts.ThreadCpu> threadsBefore;

    private CpuProfile(long pid, Path file, Map<Long, ProcessFacts.ThreadCpu> threadsBefore) {
        this.pid = pid;
        this.file = file;
        this.threadsBefore = threadsBefore;
    }

    /** Starts a recording in the running service {@code pid} (jcmd: the same user may attach). */
    static CpuProfile start(long pid, Path file) throws IOException, InterruptedException {
        Map<Long, ProcessFacts.ThreadCpu> threads = ProcessFacts.threadCpu(pid);
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "jdk.CPUTimeSample#enabled=true", "filename=" + file);
        return new CpuProfile(pid, file, threads);
    }

    /** Stops it and returns where the samples and the CPU went. */
    Profile stop() throws IOException, InterruptedException {
        Map<String, Double> threads = ProcessFacts.threadCpuSince(threadsBefore, ProcessFacts.threadCpu(pid));
        jcmd(pid, "JFR.stop", "name=bench");
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if ((type.equals(EXECUTION) || type.equals(CPU_TIME)) && e.getStackTrace() != null) {
                counts.computeIfAbsent(type, t -> new HashMap<>())
                        .merge(packageOf(e.getStackTrace().getFrames()), 1L, Long::sum);
                totals.merge(type, 1L, Long::sum);
            }
        }
        return new Profile(
                shares(counts.getOrDefault(EXECUTION, Map.of()), totals.getOrDefault(EXECUTION, 0L)),
                shares(counts.getOrDefault(CPU_TIME, Map.of()), totals.getOrDefault(CPU_TIME, 0L)),
                threads);
    }

    private static final String EXECUTION = "jdk.ExecutionSample";
    private static final String CPU_TIME = "jdk.CPUTimeSample";

    /** The package, cut to three names, of the innermost frame outside the JDK's own java.* and jdk.* code. */
    static String packageOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return shortPackage(type);
            }
        }
        return frames.isEmpty()
                ? "(none)"
                : "JDK " + shortPackage(frames.get(0).getMethod().getType().getName());
    }

    static String shortPackage(String className) {
        String[] parts = className.split("\\.");
        int n = Math.min(3, parts.length - 1);
        return n <= 0 ? className : String.join(".", List.of(parts).subList(0, n));
    }

    static Map<String, Double> shares(Map<String, Long> counts, long total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (total == 0) {
            return shares;
        }
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        long shown = 0;
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            shares.put(e.getKey(), Latencies.round(100.0 * e.getValue() / total));
            shown += e.getValue();
        }
        if (shown < total) {
            shares.put("other", Latencies.round(100.0 * (total - shown) / total));
        }
        return shares;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || out.contains("Exception")) {
            throw new IOException("jcmd " + String.join(" ", command) + ": " + out);
        }
    }
}
