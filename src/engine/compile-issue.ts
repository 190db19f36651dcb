import type { DocPath } from '../rules/source-document.js';

/** A problem found while compiling a rule, located by its dot-path in the rule file. */
export interface CompileIssue {
  path: DocPath;
  message: string;
}

export class CompileErrors {
  readonly issues: CompileIssue[] = [];
  add(path: DocPath, message: string): void {
    this.issues.push({ path, message });
  }
}
