import { describe, expect, it } from 'vitest';
import { textArrayLiteral } from './pg-array';

describe('textArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['a', 'b'], '{"a","b"}'],
    [[null, undefined, ''], '{NULL,NULL,""}'],
    [['NULL', ' x ', 'a,b', '{c}'], '{"NULL"," x ","a,b","{c}"}'],
    [['say "hi"', 'back\\slash'], '{"say \\"hi\\"","back\\\\slash"}'],
    [['Müller, Anna'], '{"Müller, Anna"}'],
  ])('writes %j as %s', (values, literal) => {
    expect(textArrayLiteral(values)).toBe(literal);
  });
});
