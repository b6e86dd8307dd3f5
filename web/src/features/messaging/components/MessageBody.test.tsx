import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { parseBody, parseLine, safeHref } from '../lib/body';
import { MessageBody } from './MessageBody';

function show(body: string) {
  return render(
    <MantineProvider env="test">
      <MessageBody body={body} />
    </MantineProvider>,
  ).container.querySelector('[data-testid="message-body"]') as HTMLElement;
}

describe('message body formatting', () => {
  it('splits paragraphs on blank lines and keeps line breaks', () => {
    const paragraphs = parseBody('Hello\nsecond line\n\n  \nNew paragraph\r\n\r\nThird');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toHaveLength(2);
    const el = show('Hello\nsecond line\n\nNew paragraph');
    expect(el.querySelectorAll('p')).toHaveLength(2);
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(el.querySelector('p')).toHaveAttribute('dir', 'auto');
  });

  it('renders *bold* and _italic_, nested once, but not snake_case or a lone star', () => {
    expect(parseLine('a *big* and _small_ word')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'bold', children: [{ type: 'text', text: 'big' }] },
      { type: 'text', text: ' and ' },
      { type: 'italic', children: [{ type: 'text', text: 'small' }] },
      { type: 'text', text: ' word' },
    ]);
    expect(parseLine('file_name_here and 2 * 3 * 4')).toEqual([{ type: 'text', text: 'file_name_here and 2 * 3 * 4' }]);
    const el = show('*very _important_ news*');
    expect(el.querySelector('strong')).toHaveTextContent('very important news');
    expect(el.querySelector('strong em')).toHaveTextContent('important');
  });

  it('links only http(s) URLs, leaving trailing punctuation and markers inside URLs alone', () => {
    expect(parseLine('see https://example.org/a_b_c*d*, then')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.org/a_b_c*d*', text: 'https://example.org/a_b_c*d*' },
      { type: 'text', text: ', then' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    const el = show('javascript:alert(1) and http://port.example/track?id=1.');
    const links = el.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'http://port.example/track?id=1');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('never interprets markup', () => {
    const el = show('<img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:x">y</a>');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(screen.getByText(/<script>alert\(2\)<\/script>/)).toBeInTheDocument();
  });
});
