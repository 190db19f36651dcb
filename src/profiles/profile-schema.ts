import { z } from 'zod';
import { ruleSettingSchema } from '../config/config-schema.js';
import { PROFILE_IDS } from './profile-ids.js';

/** One profile: per-rule settings written as a config file's `rules.<id>` (enabled, severity, params). */
const profileSchema = z.strictObject({
  description: z.string().trim().min(10, 'must say in a sentence what the profile is for'),
  /** A profile it starts from; its own settings win, params key by key. */
  extends: z.enum(PROFILE_IDS).optional(),
  rules: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a rule id'), ruleSettingSchema).default({}),
});

export const profilesFileSchema = z.strictObject({
  version: z.literal(1),
  profiles: z.strictObject({ baseline: profileSchema, strict: profileSchema, regulated: profileSchema }),
});

export type ProfilesFile = z.infer<typeof profilesFileSchema>;
export type Profile = ProfilesFile['profiles'][keyof ProfilesFile['profiles']];
