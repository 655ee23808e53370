import React, { useMemo } from 'react';
import type { Deck } from '../deck/model.js';
import { SlideInfoContext, ThemeContext } from './context.js';
import { eventLine } from './geometry.js';
import { ContentLayout } from './layouts/Content.js';
import { ImageLayout } from './layouts/Image.js';
import { LinkLayout } from './layouts/Link.js';
import { QuoteLayout } from './layouts/Quote.js';
import { StatementLayout } from './layouts/Statement.js';
import { TitleLayout } from './layouts/Title.js';
import type { LayoutProps } from './layouts/types.js';
import { looksOf, LooksProvider } from './looks.js';
import { makeTheme, type Theme } from './theme.js';

/** The theme a deck asks for: `theme`, `accent`, `paginate` and the loaded `logo`. */
export const themeOf = (deck: Deck): Theme =>
  makeTheme({
    theme: deck.options.theme,
    accent: deck.options.accent,
    paginate: deck.options.paginate,
    logo: deck.logo?.src || null,
  });

/** Gives every slide inside it the deck's theme. */
export const DeckTheme: React.FC<{ deck: Deck; children: React.ReactNode }> = ({ deck, children }) => {
  const theme = useMemo(() => themeOf(deck), [deck]);
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
};

/** Draws one slide with the layout it names or was given by the parser, in its own looks. */
export const SlideView: React.FC<LayoutProps & { deck: Deck }> = ({ deck, slide, ...rest }) => {
  const info = useMemo(() => ({ number: slide.index, talk: deck.title, meta: eventLine(deck.options) }), [slide.index, deck]);
  const { slide: content, looks } = looksOf(slide);
  return (
    <SlideInfoContext.Provider value={info}>
      <LooksProvider looks={looks}>{layout({ slide: content, ...rest })}</LooksProvider>
    </SlideInfoContext.Provider>
  );
};

function layout(props: LayoutProps): React.ReactNode {
  switch (props.slide.layout) {
    case 'title':
      return <TitleLayout {...props} />;
    case 'bullets':
    case 'content':
      return <ContentLayout {...props} />;
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
}
