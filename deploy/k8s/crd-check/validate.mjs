// Validates rendered manifests (stdin, multi-document YAML) against the operators' CRD schemas,
// as packaged on npm by kubernetes-models: Strimzi and CloudNativePG. Exits 1 naming each problem.
import { readFileSync } from "node:fs";
import * as yaml from "js-yaml";
import * as strimzi from "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2";
import * as cnpg from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1";

const models = {
  "kafka.strimzi.io/v1beta2": strimzi,
  "postgresql.cnpg.io/v1": cnpg,
};
const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let checked = 0;
const problems = [];
const unchecked = new Set();
for (const doc of docs) {
  const group = models[doc.apiVersion];
  if (!group) continue;
  const Model = group[doc.kind];
  if (!Model) { unchecked.add(`${doc.apiVersion} ${doc.kind}`); continue; }
  try {
    new Model(doc).validate();
    checked++;
  } catch (e) {
    problems.push(`${doc.kind}/${doc.metadata?.name}: ${e.message}`);
  }
}
console.log(`checked ${checked} resources against their CRD schemas` +
  (unchecked.size ? `; no schema packaged for ${[...unchecked].join(", ")}` : ""));
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
