import { fileURLToPath } from 'node:url';
import { shippedDataLoader, type DataFileKind } from '../rules/load-data-file.js';
import { profilesFileSchema, type ProfilesFile } from './profile-schema.js';

/** profiles/profiles.yaml at the package root, found from this module (dist/profiles/ or src/profiles/ → ../../profiles). */
export function profilesPath(): string {
  return fileURLToPath(new URL('../../profiles/profiles.yaml', import.meta.url));
}

const KIND: DataFileKind<ProfilesFile> = { schema: profilesFileSchema, what: 'profiles file' };

/** Reads and validates a profiles file; with no path, the one the package ships (read once, then cached). */
export const loadProfiles = shippedDataLoader(profilesPath, KIND);
