import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './explained-assertion.js';

// RuleTester builds its cases with the test framework's functions.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('local/explained-assertion', rule, {
  valid: [
    { name: '`as const` needs no reason', code: 'const kinds = ["a", "b"] as const;' },
    { name: 'a reason on the same line', code: 'const n = JSON.parse(text) as number; // the file holds one number' },
    { name: 'a reason on the line above', code: '// zod checked the shape in readRow\nconst row = raw as Row;' },
    { name: 'a block comment above', code: '/* worker messages are typed by the protocol */\nconst m = event.data as Message;' },
    {
      name: 'a reason where `as T` stands in a multi-line expression',
      code: 'const r = {\n  a: 1,\n} as Partial<Row>; // filled field by field below',
    },
    {
      name: 'a reason above where the expression starts',
      code: '// the DOM types cannot know the element\nconst input = document.querySelector(\n  "#name",\n) as HTMLInputElement;',
    },
    { name: 'a double assertion is one assertion', code: 'const x = y as unknown as Z; // test double' },
    { name: 'angle-bracket assertion with a reason', code: '// legacy syntax, same meaning\nconst x = <Z>y;' },
    { name: 'satisfies is not an assertion', code: 'const x = { a: 1 } satisfies Record<string, number>;' },
  ],
  invalid: [
    {
      name: 'no comment at all',
      code: 'const row = raw as Row;',
      errors: [{ messageId: 'unexplained', data: { type: 'Row' }, line: 1, column: 20 }],
    },
    {
      name: 'a comment two lines above is not next to it',
      code: '// about something else\n\nconst row = raw as Row;',
      errors: [{ messageId: 'unexplained' }],
    },
    {
      name: 'an eslint directive is not a reason',
      code: '// eslint-disable-next-line no-console\nconst row = raw as Row;',
      errors: [{ messageId: 'unexplained' }],
    },
    {
      name: 'a @ts- directive is not a reason',
      code: '// @ts-expect-error\nconst row = raw as Row;',
      errors: [{ messageId: 'unexplained' }],
    },
    {
      name: 'a double assertion is reported once',
      code: 'const x = y as unknown as Z;',
      errors: [{ messageId: 'unexplained', data: { type: 'Z' } }],
    },
    {
      name: 'angle-bracket assertion without a reason',
      code: 'const x = <Z>y;',
      errors: [{ messageId: 'unexplained', data: { type: 'Z' } }],
    },
    {
      name: 'the comment of the line below does not count',
      code: 'const row = raw as Row;\n// next statement\nconst b = 1;',
      errors: [{ messageId: 'unexplained' }],
    },
  ],
});
