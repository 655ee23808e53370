import React from 'react';
import { BulletsLayout } from './layouts/Bullets.js';
import { ImageLayout } from './layouts/Image.js';
import { LinkLayout } from './layouts/Link.js';
import { QuoteLayout } from './layouts/Quote.js';
import { StatementLayout } from './layouts/Statement.js';
import { TitleLayout } from './layouts/Title.js';
import type { LayoutProps } from './layouts/types.js';
import { looksOf, LooksProvider } from './looks.js';

/** Draws one slide with the layout it names or was given by the parser, in its own looks. */
export const SlideView: React.FC<LayoutProps> = ({ slide, ...rest }) => {
  const { slide: content, looks } = looksOf(slide);
  return (
    <LooksProvider looks={looks}>
      <Layout slide={content} {...rest} />
    </LooksProvider>
  );
};

const Layout: React.FC<LayoutProps> = (props) => {
  switch (props.slide.layout) {
    case 'title':
      return <TitleLayout {...props} />;
    case 'bullets':
      return <BulletsLayout {...props} />;
    case 'quote':
      return <QuoteLayout {...props} />;
    case 'image':
      return <ImageLayout {...props} />;
    case 'link':
      return <LinkLayout {...props} />;
    case 'closing':
      return <StatementLayout {...props} closing />;
    case 'statement':
      return <StatementLayout {...props} />;
  }
};
