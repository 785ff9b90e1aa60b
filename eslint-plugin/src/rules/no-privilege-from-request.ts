import { createRule } from '../util/create-rule';
import { reportFinding } from '../util/report';
import { describeValue, getAnalysis } from '../analysis';

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
        for (const write of getAnalysis(context).privilegeWrites) {
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
