/** What a secret becomes wherever it is kept: the value is gone, the fact that one was set stays. */
export const REDACTED_TEXT = '[REDACTED]';
