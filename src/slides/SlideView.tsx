import React from 'react';
import { BulletsLayout } from './layouts/Bullets.js';
import { ImageLayout } from './layouts/Image.js';
import { LinkLayout } from './layouts/Link.js';
import { QuoteLayout } from './layouts/Quote.js';
import { StatementLayout } from './layouts/Statement.js';
import { TitleLayout } from './layouts/Title.js';
import type { LayoutProps } from './layouts/types.js';

/** Draws one slide with the layout it names or was given by the parser. */
export const SlideView: React.FC<LayoutProps> = (props) => {
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
