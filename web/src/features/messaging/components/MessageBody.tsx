import { Fragment } from 'react';
import { Anchor, Box, Text } from '@mantine/core';
import { parseBody, type Inline } from '../lib/body';

function Piece({ piece }: { piece: Inline }) {
  switch (piece.type) {
    case 'text':
      return piece.text;
    case 'bold':
      return (
        <strong>
          {piece.children.map((c, i) => (
            <Piece key={i} piece={c} />
          ))}
        </strong>
      );
    case 'italic':
      return (
        <em>
          {piece.children.map((c, i) => (
            <Piece key={i} piece={c} />
          ))}
        </em>
      );
    case 'link':
      return (
        <Anchor href={piece.href} target="_blank" rel="noopener noreferrer nofollow" inherit>
          {piece.text}
        </Anchor>
      );
  }
}

/**
 * A message body: plain text with light formatting (paragraphs, line breaks, *bold*,
 * _italic_, http(s) links), rendered as elements, never as HTML. `dir="auto"` lets an
 * Arabic message read right to left in an English UI and the other way round.
 */
export function MessageBody({ body }: { body: string }) {
  const paragraphs = parseBody(body);
  return (
    <Box data-testid="message-body" style={{ overflowWrap: 'anywhere' }}>
      {paragraphs.map((lines, p) => (
        <Text key={p} component="p" size="sm" dir="auto" mt={p === 0 ? 0 : 'xs'} mb={0}>
          {lines.map((line, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {line.map((piece, i) => (
                <Piece key={i} piece={piece} />
              ))}
            </Fragment>
          ))}
        </Text>
      ))}
    </Box>
  );
}
