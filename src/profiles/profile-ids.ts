/** The profiles `--profile` and the config file's `profile` take (profiles/profiles.yaml defines each). */
export const PROFILE_IDS = ['baseline', 'strict', 'regulated'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
