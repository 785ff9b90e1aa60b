import * as mocha from 'mocha';
import { RuleTester } from '@typescript-eslint/rule-tester';

// RuleTester needs to know the test framework's hooks; wire it to mocha once for every suite.
RuleTester.afterAll = mocha.after;
RuleTester.describe = mocha.describe;
RuleTester.it = mocha.it;
RuleTester.itOnly = mocha.it.only;
