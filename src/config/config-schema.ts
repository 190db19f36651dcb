import { z } from 'zod';
import { FAIL_ON_VALUES, SEVERITIES } from '../model/severity.js';
import { suppressionEntrySchema } from '../gate/suppression-schema.js';
import { anyCaseEnum } from './any-case-enum.js';
import { PROFILE_IDS } from '../profiles/profile-ids.js';
import { configDomainSchema, tenantListSchema } from './tenant-entry-schema.js';

// Enum values in any case, as the flags take them (`failOn: High`); lower-cased on load.
const severitySetting = anyCaseEnum(SEVERITIES);

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const ruleSettingSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severitySetting.optional(),
  params: z.record(z.string(), paramValue).optional(),
});

/**
 * `auth0-scan.config.yaml|json`: everything optional; flags and environment variables win over it. It lives in the
 * repository, so it is not trusted with credentials: its hosts must be Auth0's or allowed by the user, and it may
 * only name `AUTH0_` variables (docs/security.md).
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** One tenant, used when neither --domain nor AUTH0_DOMAIN is given. */
    domain: configDomainSchema.optional(),
    failOn: anyCaseEnum(FAIL_ON_VALUES).optional(),
    minSeverity: severitySetting.optional(),
    /** Rule thresholds and tier-2 rules (profiles/profiles.yaml); --profile wins, `rules` below win over it. */
    profile: anyCaseEnum(PROFILE_IDS).optional(),
    /** More rule files or directories, relative to the config file. */
    rules_dirs: z.array(z.string()).optional(),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
    /** Accepted findings, as in `.auth0-scan-ignore.yaml`. */
    suppressions: z.array(suppressionEntrySchema).optional(),
    /** Several tenants, scanned together when no --domain, --snapshot or --demo is given. */
    tenants: tenantListSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.domain !== undefined && config.tenants !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['domain'], message: 'give either domain (one tenant) or tenants (several), not both' });
    }
  });

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
