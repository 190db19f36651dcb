import type { Resource } from '../engine/eval-context.js';

/** Where an item of a configuration export is written: the file, and the line where the item starts. */
export interface SourceLocation {
  file: string;
  line?: number;
  /** The Terraform resource address, for a plan or state. */
  address?: string;
}

/** One item of an export section (a client, a grant, …) as written, with where it is written. */
export interface ExportItem {
  data: Resource;
  at: SourceLocation;
  /** Where each top-level key of a combined section is written (attackProtection's parts, one file each). */
  parts?: Record<string, SourceLocation>;
}

/**
 * A configuration export read from disk, before any mapping: deploy-cli's own section names (`clients`,
 * `clientGrants`, `databases`, …), each a list (or one object for `tenant`, `prompts`, …), file references already
 * replaced by the files' text. Both deploy-cli formats read into this one shape, so they map identically.
 */
export interface ExportSections {
  /** Section name → its items; a section absent from the export is absent here. */
  sections: Map<string, ExportItem[]>;
  /** Where the export starts (tenant.yaml or the directory), for messages. */
  root: string;
}
