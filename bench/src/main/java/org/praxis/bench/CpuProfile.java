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
 * the report's measured answer to "what costs the difference", instead of a guess.
 */
final class CpuProfile {
    /** Top packages shown; the rest are summed as "other". */
    static final int TOP = 15;

    private final long pid;
    private final Path file;

    private CpuProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts a recording in the running service {@code pid} (jcmd: the same user may attach). */
    static CpuProfile start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return new CpuProfile(pid, file);
    }

    /** Stops it and returns the share of execution samples per package, largest first. */
    Map<String, Double> stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench");
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                counts.merge(packageOf(e.getStackTrace().getFrames()), 1L, Long::sum);
                total++;
            }
        }
        return shares(counts, total);
    }

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
