/**
 * auth0-scan as a library: the same core the CLI calls. Read a snapshot or collect a tenant into a sink, evaluate
 * rules (pure), build a report and render it.
 */
export { loadRuleSet, type RuleSetOptions } from './rules/load-rule-set.js';
export { loadRuleFile, parseRuleText, type LoadedRule } from './rules/load-rule-file.js';
export type { RuleFile, RuleTestCase } from './rules/rule-schema.js';
export type { Condition } from './rules/condition-schema.js';
export { createEvaluator, type Evaluator, type EvaluatorInput, type RuleSpec } from './engine/create-evaluator.js';
export { runRuleTests, type RuleTestResult } from './engine/run-rule-tests.js';
export { EvaluatingSink, type EvaluatedSnapshot } from './core/evaluating-sink.js';
export { scanSnapshotFile } from './core/scan-snapshot-file.js';
export type { SnapshotSink } from './core/snapshot-sink.js';
export { readSnapshot } from './snapshot/snapshot-reader.js';
export { SnapshotWriter } from './snapshot/snapshot-writer.js';
export { redactResource, REDACTED } from './snapshot/redact.js';
export { allowListForRules } from './redact/allow-list-for-rules.js';
export { builtinAllowList } from './redact/builtin-allow-list.js';
export type { AllowList } from './redact/allow-list.js';
export { collectTenant, type CollectTenantOptions } from './collect/collect-tenant.js';
export { collectorRegistry } from './collect/collector-registry.js';
export { httpCollectApi } from './collect/http-collect-api.js';
export { runCheck, checkResultSchema, type CheckOptions, type CheckCredentials, type CheckResult } from './check/run-check.js';
export { createHttpClient, type HttpClient, type HttpClientOptions } from './http/create-http-client.js';
export { buildReport } from './report/build-report.js';
export { REPORTERS } from './report/reporters.js';
export { startMockServer, loadMockTenant, type MockServer, type MockServerOptions, type MockTenant } from './mock/index.js';
export { KINDS, KIND_NAMES, type KindName } from './model/kinds.js';
export type { Finding, Evaluation, SkippedRule, CollectionStats } from './model/finding.js';
export type { ScanReport, RuleDoc } from './model/report.js';
export type { PostureScore, AreaScore, ScoreArea } from './model/posture-score.js';
export { computePostureScore, type ScoredRule } from './score/compute-posture-score.js';
export { InputError, CollectionError } from './errors.js';
export { createAccessBuilder, type AccessBuilder, type AccessBuilderInput } from './access/access-builder.js';
export { loadCapabilityModel } from './access/load-capability-model.js';
export type { CapabilityModel } from './access/capability-model-schema.js';
export { accessDocumentSchema, type AccessDocument } from './access/access-model-schema.js';
export { renderAccess } from './access/access-reporters.js';
export { ACCESS_FORMATS, type AccessFormat } from './access/access-formats.js';
export { filterAccessModel, type AccessFilter } from './access/filter-access-model.js';
export type { AccessModel, Principal, AccessPath, PrincipalTraits } from './access/access-types.js';
