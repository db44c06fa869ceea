// @ts-check
/**
 * `local/explained-assertion`: every type assertion (`x as T`, `<T>x`; not `as const`) carries a short comment
 * that says why the compiler cannot know the type: on the assertion's line or the line above, either where the
 * asserted expression starts or where `as T` stands. eslint and @ts- directives are not reasons.
 * Issue 12: "the casts that remain each have a reason next to them".
 */

/** @param {import('estree').Node | import('@typescript-eslint/types').TSESTree.Node} node */
function isAssertion(node) {
  return node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion';
}

/** @param {import('@typescript-eslint/types').TSESTree.TypeNode} type */
function isConstAssertion(type) {
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'const';
}

/** A comment that is only a tool directive explains nothing. */
const DIRECTIVE = /^\s*(eslint|@ts-|prettier-ignore)/;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a comment that explains each type assertion (`as const` excepted)' },
    schema: [],
    messages: {
      unexplained:
        'Type assertion to `{{type}}` without a reason: remove it (a type guard, zod parse, `satisfies` or a generic ' +
        'usually does) or say why in a comment on this line or the line above.',
    },
  },
  create(context) {
    const source = context.sourceCode;
    /** Lines that end a reason comment. */
    const reasonLines = new Set(
      source
        .getAllComments()
        .filter((comment) => comment.value.trim() !== '' && !DIRECTIVE.test(comment.value))
        .map((comment) => comment.loc?.end.line),
    );
    /** @param {any} node (the TS nodes are not in ESLint's estree types) */
    function check(node) {
      /** @type {import('@typescript-eslint/types').TSESTree.TSAsExpression | import('@typescript-eslint/types').TSESTree.TSTypeAssertion} */
      const assertion = node;
      if (isConstAssertion(assertion.typeAnnotation)) {
        return;
      }
      // `x as unknown as T` is one assertion: judge (and report) the outer one only.
      if (assertion.parent && isAssertion(assertion.parent)) {
        return;
      }
      const startLine = assertion.loc.start.line;
      const typeLine = assertion.typeAnnotation.loc.start.line;
      const explained = [startLine - 1, startLine, typeLine - 1, typeLine].some((line) => reasonLines.has(line));
      if (!explained) {
        context.report({
          node,
          loc: assertion.typeAnnotation.loc,
          messageId: 'unexplained',
          data: { type: source.getText(/** @type {any} */ (assertion.typeAnnotation)) },
        });
      }
    }
    return { TSAsExpression: check, TSTypeAssertion: check };
  },
};

export default rule;
