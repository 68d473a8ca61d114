package org.praxis.bench;

import java.util.List;
import java.util.Map;

/** Everything one run of bench/run measured, as written to bench/results/&lt;date&gt;.json. */
public record Results(
        String date,
        String mode,
        double totalSeconds,
        Machine machine,
        Settings settings,
        ScreeningThroughput.Result screening,
        RiskPropagation.Result riskPropagation,
        ListsAtScale.Result lists,
        List<StartupAndMemory.Startup> startup,
        Map<String, Map<String, Double>> rssMiB,
        String nativeMode) {

    public record Machine(
            String cpu,
            int cores,
            double memoryGiB,
            String os,
            String kernel,
            String java,
            String postgres,
            String kafka,
            String keycloak,
            String quarkus,
            String commit) {}

    public record Settings(
            String serviceJavaOptions,
            int dbPoolSize,
            String outboxPollInterval,
            Map<String, String> postgres,
            int warmUpSeconds,
            int levelSeconds,
            List<Integer> concurrency,
            double pacedShare,
            int restartsPerService) {}
}
