// Validates rendered manifests (stdin, multi-document YAML) against their schemas, as packaged on npm
// by kubernetes-models: the operators' CRDs (Strimzi, CloudNativePG, the Prometheus operator) and
// Kubernetes' own built-in kinds; and parses every PrometheusRule expression with Prometheus's own
// PromQL grammar (one that does not parse makes Prometheus refuse the whole rule group).
// Exits 1 naming each problem.
import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2";
import * as cnpg from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";
import * as prometheus from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { parser as promql } from "@prometheus-io/lezer-promql";
import * as core from "kubernetes-models/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as policy from "kubernetes-models/policy/v1";

const crds = {
  "kafka.strimzi.io/v1beta2": strimzi,
  "postgresql.cnpg.io/v1": cnpg,
  "monitoring.coreos.com/v1": prometheus,
};
const builtIn = {
  "v1": core,
  "apps/v1": apps,
  "networking.k8s.io/v1": networking,
  "autoscaling/v2": autoscaling,
  "policy/v1": policy,
};
const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let checked = 0;
const checkedBuiltIn = {};
const problems = [];
const unchecked = new Set();
let expressions = 0;
for (const doc of docs) {
  if (doc.kind === "PrometheusRule") {
    for (const group of doc.spec?.groups ?? []) {
      for (const rule of group.rules ?? []) {
        const expr = String(rule.expr);
        const errors = [];
        promql.parse(expr).iterate({ enter: (n) => { if (n.type.isError) errors.push(n.from); } });
        expressions++;
        if (errors.length) {
          problems.push(`PrometheusRule/${doc.metadata?.name}: ${rule.alert ?? rule.record}: PromQL does not parse at ${errors[0]}: ${expr}`);
        }
      }
    }
  }
  const crd = crds[doc.apiVersion];
  const group = crd ?? builtIn[doc.apiVersion];
  if (!group) continue;
  const Model = group[doc.kind];
  if (!Model) { unchecked.add(`${doc.apiVersion} ${doc.kind}`); continue; }
  try {
    new Model(doc).validate();
    if (crd) {
      checked++;
    } else {
      checkedBuiltIn[doc.kind] = (checkedBuiltIn[doc.kind] ?? 0) + 1;
    }
  } catch (e) {
    problems.push(`${doc.kind}/${doc.metadata?.name}: ${e.message}`);
  }
}
const builtInSummary = Object.entries(checkedBuiltIn).sort().map(([k, n]) => `${k} ${n}`).join(", ");
console.log(`checked ${checked} resources against their CRD schemas` +
  (unchecked.size ? `; no schema packaged for ${[...unchecked].join(", ")}` : ""));
console.log(`checked built-in kinds against the Kubernetes schemas: ${builtInSummary}`);
console.log(`parsed ${expressions} PromQL expressions`);
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
