export { startMockServer, type MockServer, type MockServerOptions } from './start-mock-server.js';
export { loadMockTenant, parseMockTenant, mockTenantSchema, UNAVAILABLE_REASONS, type MockTenant, type MockM2mClient, type UnavailableReason } from './tenant-schema.js';
export { faultPlanSchema, type FaultPlan, type FaultTrigger } from './fault-plan.js';
export type { MockStats } from './mock-stats.js';
export { syntheticUser, SYNTHETIC_EPOCH_MS } from './synthetic-user.js';
export { tenantChangeSchema, type TenantChange } from './tenant-change.js';
