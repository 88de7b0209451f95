import { describe, expect, it } from 'vitest';
import { isSafeHref, markdownText, parseMarkdown } from '../../src/lib/model/markdown';

describe('parseMarkdown', () => {
  it.each([
    ['plain words', [[{ type: 'text', text: 'plain words' }]]],
    ['a **b** c', [[{ type: 'text', text: 'a ' }, { type: 'strong', children: [{ type: 'text', text: 'b' }] }, { type: 'text', text: ' c' }]]],
    ['*em*', [[{ type: 'em', children: [{ type: 'text', text: 'em' }] }]]],
    ['one\n\ntwo', [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]]],
    ['[PIB](https://pib.gov.in/x)', [[{ type: 'link', href: 'https://pib.gov.in/x', children: [{ type: 'text', text: 'PIB' }] }]]],
    ['[bad](javascript:alert(1))', [[{ type: 'text', text: 'bad' }, { type: 'text', text: ')' }]]],
    ['<script>alert(1)</script>', [[{ type: 'text', text: '<script>alert(1)</script>' }]]],
    ['2 * 3 = 6', [[{ type: 'text', text: '2 * 3 = 6' }]]],
  ])('%j', (src, want) => {
    expect(parseMarkdown(src)).toEqual(want);
  });
  it.each([
    ['https://a.example/x', true],
    ['http://a.example', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['//a.example', false],
    ['HTTPS://A.EXAMPLE', true],
  ])('isSafeHref(%s) = %s', (href, ok) => expect(isSafeHref(href)).toBe(ok));
  it('markdownText keeps the words only', () => {
    expect(markdownText('a **b** [c](https://x.example)\n\nd')).toBe('a b c\n\nd');
  });
});
