// The Praxis SDK: one namespace per service, generated from its OpenAPI document, and the thin layer.
export * as intake from "../target/generated-sources/intake";
export * as session from "../target/generated-sources/session";
export * as referral from "../target/generated-sources/referral";
export * as assessment from "../target/generated-sources/assessment";
export * as webhook from "../target/generated-sources/webhook";
export * from "./praxis";
