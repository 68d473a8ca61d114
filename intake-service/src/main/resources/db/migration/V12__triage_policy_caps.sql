-- A tenant may be more cautious than the published bands, never less (TriagePolicy's caps): a stored policy above
-- a cap is brought down to it, each lower threshold kept at or below the one above it. The version moves, so a
-- client holding the old ETag reads the policy again before replacing it.
update triage_policy set
    phq9_therapy = least(phq9_therapy, 20),
    gad7_therapy = least(gad7_therapy, 15),
    phq9_integrated = least(phq9_integrated, phq9_therapy, 20),
    gad7_integrated = least(gad7_integrated, gad7_therapy, 15),
    phq9_monitoring = least(phq9_monitoring, phq9_integrated, phq9_therapy, 20, 10),
    gad7_monitoring = least(gad7_monitoring, gad7_integrated, gad7_therapy, 15, 10),
    wsas_monitoring = least(wsas_monitoring, 21),
    screen_positive_threshold = least(screen_positive_threshold, 3),
    version = version + 1
where phq9_therapy > 20 or gad7_therapy > 15 or phq9_monitoring > 10 or gad7_monitoring > 10
    or wsas_monitoring > 21 or screen_positive_threshold > 3;
