import type { Finding } from '../model/finding.js';

/** The findings the CI gate sees: not suppressed and, when a baseline was given, not already in it. */
export function countsForGate(f: Pick<Finding, 'suppression' | 'baselineState'>): boolean {
  return f.suppression === undefined && f.baselineState !== 'unchanged';
}
