import React, { useEffect, useMemo, useRef } from 'react';
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
import { drawnParts } from './probe.js';
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
export const SlideView: React.FC<LayoutProps & { deck: Deck; probe?: boolean }> = ({ deck, slide, probe, ...rest }) => {
  const info = useMemo(() => ({ number: slide.index, talk: deck.title, meta: eventLine(deck.options) }), [slide.index, deck]);
  const { slide: content, looks } = looksOf(slide);
  const drawn = (
    <SlideInfoContext.Provider value={info}>
      <LooksProvider looks={looks}>{layout({ slide: content, ...rest })}</LooksProvider>
    </SlideInfoContext.Provider>
  );
  return probe ? <TextProbe index={slide.index}>{drawn}</TextProbe> : drawn;
};

/**
 * Reports what a slide drew (`talkreel:probe N {"text", "drawn"}` in the browser's console): its
 * text without what talkreel adds around the author's words (list markers, the footer's talk
 * title and number, the title slide's event line: `data-chrome`), and the parts counted in
 * the corpus report (see drawnParts).
 */
const TextProbe: React.FC<{ index: number; children: React.ReactNode }> = ({ index, children }) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const report = () => {
      const copy = root.cloneNode(true) as HTMLElement;
      for (const chrome of copy.querySelectorAll('[data-chrome]')) chrome.remove();
      console.log(`talkreel:probe ${index} ${JSON.stringify({ text: copy.textContent ?? '', drawn: drawnParts(root) })}`);
    };
    report();
    // Formulas and diagrams are drawn after the slide mounts (their stylesheet, fonts or mermaid
    // load first): each change is reported again, and the last report is what the frame shows.
    const watcher = new MutationObserver(report);
    watcher.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    return () => watcher.disconnect();
  }, [index]);
  return (
    <div ref={ref} style={{ display: 'contents' }}>
      {children}
    </div>
  );
};

function layout(props: LayoutProps): React.ReactNode {
  switch (props.slide.layout) {
    case 'title':
      return <TitleLayout {...props} />;
    case 'bullets':
    case 'content':
    case 'columns':
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

