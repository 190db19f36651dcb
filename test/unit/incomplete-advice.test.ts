import { describe, expect, it } from 'vitest';
import { incompleteAdvice } from '../../src/report/incomplete-advice.js';
import { aReport, aSkipped } from '../report-builders.js';

describe('incompleteAdvice: the fix follows the cause', () => {
  it('says nothing for a complete run', () => {
    expect(incompleteAdvice(aReport())).toBeUndefined();
  });

  it('names scopes to grant, a plan that lacks a feature, and an unreadable kind, each once', () => {
    const report = aReport({
      skipped: [
        aSkipped({ ruleId: 'a', kinds: ['users'], missingScopes: ['read:users'] }),
        aSkipped({ ruleId: 'b', kinds: ['bot_detection'], missingScopes: undefined }),
        aSkipped({ ruleId: 'c', kinds: ['roles'], missingScopes: undefined }),
      ],
      collection: {
        kinds: {
          users: { status: 'forbidden', count: 0, missingScopes: ['read:users'] },
          bot_detection: { status: 'unavailable', count: 0, detail: "not available on this tenant's plan (insufficient_entitlement)" },
          roles: { status: 'error', count: 0, detail: 'GET /roles failed with 503 after 4 attempts.' },
        },
      },
    });
    expect(incompleteAdvice(report)).toBe(
      "3 rules skipped because data is missing: users needs read:users: grant them to the scanner's application; " +
        'bot_detection is not available on this tenant (its plan or a feature that is off); ' +
        'roles could not be read: GET /roles failed with 503 after 4 attempts. --skip those rules or pass --allow-partial to accept a partial scan',
    );
  });
});
