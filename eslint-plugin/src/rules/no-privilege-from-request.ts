import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';
import { describeValue, getAnalysis, type FileAnalysis, type PrivilegeWrite, type UntrustedValue } from '../analysis';
import { isCredentialOrIntegrityName } from '../analysis/names';

export type Options = [];
export type MessageIds = 'privilegeField' | 'massAssignment';

export default createRule<Options, MessageIds>({
  name: 'no-privilege-from-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing roles, admin flags, permissions or scopes from request input.',
      recommended: true,
      blocksLevel: 3,
    },
    schema: [],
    messages: {
      privilegeField:
        "Privilege field '{{field}}' is set from {{origin}}, which the caller controls; set privileges from server-side policy or an administrator's verified claims.",
      massAssignment:
        '{{origin}} is copied whole into a record that has the privilege field{{plural}} {{fields}}; pick the allowed fields explicitly so a caller cannot set them.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        for (const write of [...analysis.privilegeWrites, ...callerWrites(analysis)]) {
          const origin = describeValue(write.value);
          const data = write.wholeBody
            ? {
                origin: origin.charAt(0).toUpperCase() + origin.slice(1),
                plural: write.fields.length > 1 ? 's' : '',
                fields: write.fields.map((field) => `'${field}'`).join(', '),
              }
            : { field: write.fields[0], origin };
          reportFinding(
            context,
            { node: write.node, messageId: write.wholeBody ? 'massAssignment' : 'privilegeField', data },
            { origin: { description: origin, node: write.value.node } },
          );
        }
      },
    };
  },
});

/**
 * Privilege writes of a parameter (`Object.assign(user, changes)` in a service), made findings where a caller in
 * another file passes request input there: the whole body or a DTO bound from it, or one request field.
 */
function callerWrites(analysis: FileAnalysis): PrivilegeWrite[] {
  const writes: PrivilegeWrite[] = [];
  for (const write of analysis.paramPrivilegeWrites) {
    const { fn, index, path } = write.param;
    const values = analysis.callerValues(fn, { index, path: path.map((key) => key ?? null) }, write.node);
    const value = values.find((candidate): candidate is UntrustedValue =>
      candidate.trust === 'untrusted' &&
      (write.wholeBody ? candidate.container && (candidate.source === 'body' || candidate.source === 'query' || candidate.source === 'argument') : !candidate.container && !isCredentialOrIntegrityName(candidate.name ?? '')),
    );
    if (!value) continue;
    const fields = write.fields.filter((field) => !(value.omitted ?? []).includes(field));
    if (fields.length > 0) writes.push({ node: write.node, fields, wholeBody: write.wholeBody, value, fn });
  }
  return writes;
}
