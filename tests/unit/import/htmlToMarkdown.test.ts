// htmlToMarkdown / htmlToText: safe formatting kept (paragraphs, emphasis, http/https links), everything else text,
// scripts, handlers and non-http links gone, Markdown's own characters escaped. No DOM needed.
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToText, sanitizeMarkdownLinks } from '../../../src/lib/import/htmlToMarkdown';
import { safeHttpUrl } from '../../../src/lib/import/safeHttpUrl';
import { markdownText, parseMarkdown } from '../../../src/lib/model/markdown';

describe('htmlToMarkdown', () => {
  it.each([
    ['paragraphs', '<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['emphasis and strong', '<p>an <i>old</i> and <b>bold</b> <em>idea</em> <strong>here</strong></p>', 'an _old_ and **bold** _idea_ **here**'],
    ['spaces move outside the marks', 'a<b> note </b>b', 'a **note** b'],
    ['bold and italic together', '<b> <i>note</i></b>', '**_note_**'],
    ['strong inside emphasis', '<i>a <b>b</b> c</i>', '_a **b** c_'],
    ['empty marks vanish', 'a<b> </b>b<i></i>', 'a b'],
    ['http link', 'see <a href="https://example.org/a b">the page</a>', 'see [the page](https://example.org/a%20b)'],
    [
      'link with parentheses in its address',
      '<a href="https://en.wikipedia.org/wiki/Grand_Canal_(China)">canal</a>',
      '[canal](https://en.wikipedia.org/wiki/Grand_Canal_%28China%29)',
    ],
    ['an empty link shows its address', '<a href="http://example.org/"></a>', '[http://example.org/](http://example.org/)'],
    ['line breaks, and two of them a paragraph', 'a<br>b<br></br>c', 'a\nb\n\nc'],
    ['entities decoded', 'Fish &amp; chips &mdash; &#8220;fresh&#x201D;&nbsp;now', 'Fish & chips — “fresh”\u00a0now'],
    ['unknown tags leave their text', '<span class="tl-note">a <small>note</small></span>', 'a note'],
    ['lists as lines', '<ul><li>one</li><li>two</li></ul>', '- one\n\n- two'],
    ['a quotation and who said it', '<blockquote>The sea is a road.<cite>A sailor</cite></blockquote>', 'The sea is a road. — _A sailor_'],
    ['Markdown characters in text stay characters', '<p>2*3 = 6 and [x](y) _z_</p>', '2\\*3 = 6 and \\[x\\](y) \\_z\\_'],
    ['plain text keeps its paragraphs', 'First line\nsecond line\n\nNew paragraph', 'First line\nsecond line\n\nNew paragraph'],
    ['plain text is escaped too', 'a <3 b *c*', 'a <3 b \\*c\\*'],
    ['emphasis does not cross paragraphs', '<b>one<p>two</p></b>', '**one**\n\n**two**'],
    ['an image with an http address stays a link', '<img src="https://example.org/a.jpg" alt="A map">', '[A map](https://example.org/a.jpg)'],
    ['comments go', 'a<!-- secret -->b', 'ab'],
  ])('%s', (_name, html, md) => {
    expect(htmlToMarkdown(html).text).toBe(md);
  });

  it.each([
    ['a script and its content', 'safe<script>alert(1)</script> text', 'safe text', 'a <script> element'],
    ['a script whose content has tags', 'a<script>document.write("<b>x</b>")</script>b', 'ab', 'a <script> element'],
    ['a style', '<style>body{display:none}</style>shown', 'shown', 'a <style> element'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>x', 'x', 'a <iframe> element'],
    ['an svg with a script inside', '<svg><script>alert(1)</script><text>hi</text></svg>ok', 'ok', 'a <svg> element'],
    ['an event handler', '<img src=x onerror="alert(1)">caption', 'caption', 'an event-handler attribute (onerror)'],
    ['a handler on a paragraph', '<p onclick="steal()">text</p>', 'text', 'an event-handler attribute (onclick)'],
    ['a javascript: link', '<a href="javascript:alert(1)">click</a>', 'click', 'a link to a javascript: address (only http and https links are kept)'],
    [
      'an obfuscated javascript: link',
      '<a href="  jav&#x09;ascript:alert(1)">click</a>',
      'click',
      'a link to a javascript: address (only http and https links are kept)',
    ],
    ['a data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', 'x', 'a link to a data: address (only http and https links are kept)'],
    ['a relative link', '<a href="/admin">x</a>', 'x', 'a link to a relative address (only http and https links are kept)'],
    ['an object', '<object data="x.swf"><param name=a value=b>fallback</object>after', 'after', 'a <object> element'],
  ])('removes %s and says so', (_name, html, md, removed) => {
    const out = htmlToMarkdown(html);
    expect(out.text).toBe(md);
    expect(out.removed).toContain(removed);
  });

  it('keeps an escaped tag as the text it was (the renderer makes text nodes of it)', () => {
    const out = htmlToMarkdown('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out.text).toBe('<script>alert(1)</script>');
    expect(out.removed).toEqual([]);
  });

  it('survives broken markup', () => {
    expect(htmlToMarkdown('<p>unclosed <b>bold <i>both').text).toBe('unclosed **bold _both_**');
    expect(htmlToMarkdown('a < b and c > d <').text).toBe('a < b and c > d <');
    expect(htmlToMarkdown('x</b></i></a>y').text).toBe('xy');
    expect(htmlToMarkdown('<a href="https://example.org/">a <a href="https://example.com/">b</a></a>').text).toBe('[a b](https://example.org/)');
  });

  it('reads Markdown as Markdown when told, checking its links', () => {
    const removed = new Set<string>();
    expect(sanitizeMarkdownLinks('[ok](https://example.org) [bad](javascript:alert(1)) <javascript:x> ![pic](https://example.org/p.png)', removed)).toBe(
      '[ok](https://example.org/) bad javascript:x [pic](https://example.org/p.png)',
    );
    expect(removed.size).toBe(1);
    const out = htmlToMarkdown('**Strong** and *em* with [a link](https://example.org/x)\n\nNext <script>x</script>', { markdownText: true });
    expect(out.text).toBe('**Strong** and *em* with [a link](https://example.org/x)\n\nNext');
  });
});

describe('htmlToText', () => {
  it.each([
    ['Harbours and <br><small>sea lanes</small>', 'Harbours and sea lanes'],
    ['<b>Bold</b>&nbsp;title', 'Bold title'],
    ['Title<script>alert(1)</script>', 'Title'],
    ['Plain *stays* plain [x](y)', 'Plain *stays* plain [x](y)'],
    ['  many   spaces\nand lines ', 'many spaces and lines'],
  ])('%j → %j', (html, text) => expect(htmlToText(html).text).toBe(text));
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['HTTP://EXAMPLE.org', 'http://example.org/'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,x', null],
    ['//example.org/x', null],
    ['/relative', null],
    ['ftp://example.org', null],
    ['https://', null],
  ])('%j → %j', (raw, url) => expect(safeHttpUrl(raw)).toBe(url));
});

describe('what the atlas renderer makes of it (src/lib/model/markdown.ts)', () => {
  it.each([
    ['<p>2*3 = 6 and [x](y) _z_ \\ done</p>', '2*3 = 6 and [x](y) _z_ \\ done'],
    ['<p>One</p><p>Two <b>bold</b></p>', 'One\n\nTwo bold'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
  ])('%j reads back as the words %j', (html, words) => {
    expect(markdownText(htmlToMarkdown(html).text)).toBe(words);
  });

  it('nests emphasis and strong both ways, and keeps http links only', () => {
    expect(parseMarkdown(htmlToMarkdown('<b> <i>note</i></b>').text)).toEqual([
      [{ type: 'strong', children: [{ type: 'em', children: [{ type: 'text', text: 'note' }] }] }],
    ]);
    expect(parseMarkdown(htmlToMarkdown('<i>a <b>b</b> c</i>').text)[0][0]).toMatchObject({
      type: 'em',
      children: [{ text: 'a ' }, { type: 'strong' }, { text: ' c' }],
    });
    expect(parseMarkdown(htmlToMarkdown('<a href="https://en.wikipedia.org/wiki/Grand_Canal_(China)">canal</a> <a href="javascript:x()">no</a>').text)).toEqual(
      [
        [
          { type: 'link', href: 'https://en.wikipedia.org/wiki/Grand_Canal_%28China%29', children: [{ type: 'text', text: 'canal' }] },
          { type: 'text', text: ' no' },
        ],
      ],
    );
  });
});
