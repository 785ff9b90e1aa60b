import type { TSESLint } from '@typescript-eslint/utils';
import type { ClaimGuardDocs } from '../util/create-rule';
import maturityLevel from './maturity-level';
import requireOwnershipCheck from './require-ownership-check';
import noUntrustedAuthorization from './no-untrusted-authorization';
import noPrivilegeFromRequest from './no-privilege-from-request';
import noUnverifiedClaims from './no-unverified-claims';
import requireJwtValidation from './require-jwt-validation';
import noHardcodedJwtSecret from './no-hardcoded-jwt-secret';
import noApiKeyAuth from './no-api-key-auth';
import noTimingUnsafeCompare from './no-timing-unsafe-compare';
import noIncompleteAnalysis from './no-incomplete-analysis';

/** Every rule of the plugin, by name (without the `claimguard/` prefix). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const rules: Record<string, TSESLint.RuleModule<string, any[], ClaimGuardDocs>> = {
  'maturity-level': maturityLevel,
  'require-ownership-check': requireOwnershipCheck,
  'no-untrusted-authorization': noUntrustedAuthorization,
  'no-privilege-from-request': noPrivilegeFromRequest,
  'no-unverified-claims': noUnverifiedClaims,
  'require-jwt-validation': requireJwtValidation,
  'no-hardcoded-jwt-secret': noHardcodedJwtSecret,
  'no-api-key-auth': noApiKeyAuth,
  'no-timing-unsafe-compare': noTimingUnsafeCompare,
  // Last, so that at `Program:exit` it reads the budget stops of everything the other rules asked the analysis.
  'no-incomplete-analysis': noIncompleteAnalysis,
};
