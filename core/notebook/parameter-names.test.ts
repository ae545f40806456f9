import { describe, expect, it } from 'vitest';
import { parameterNameProblem } from './parameter-names';

describe('parameterNameProblem', () => {
  it.each(['rate', '_x', '$', 'a1', 'größe', '变量', 'of', 'type', 'async', '__proto__'])(
    'accepts %j',
    (name) => {
      expect(parameterNameProblem(name)).toBeNull();
    },
  );

  it.each([
    ['', 'the name is empty'],
    ['1x', '"1x" is not a TypeScript name (letters, digits, _ and $, not starting with a digit)'],
    ['a-b', '"a-b" is not a TypeScript name (letters, digits, _ and $, not starting with a digit)'],
    ['a b', '"a b" is not a TypeScript name (letters, digits, _ and $, not starting with a digit)'],
    ['const', '"const" is a reserved word in TypeScript'],
    ['let', '"let" is a reserved word in TypeScript'],
    ['undefined', '"undefined" is a reserved word in TypeScript'],
    ['eval', '"eval" is a reserved word in TypeScript'],
  ])('refuses %j', (name, problem) => {
    expect(parameterNameProblem(name)).toBe(problem);
  });
});
