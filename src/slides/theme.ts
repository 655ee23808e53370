/**
 * The one theme every layout draws with: colours, type scale, spacing and motion timings.
 * Sizes are in pixels of a 1080-pixel-high frame; `scaled()` turns them into pixels of the actual
 * frame, so a slide looks the same at 720p and at 2160p.
 */
export const theme = {
  colors: {
    background: '#0b1220',
    backgroundEdge: '#111c33',
    panel: '#1e293b',
    text: '#f1f5f9',
    body: '#e2e8f0',
    muted: '#94a3b8',
    accent: '#ffd43b',
    secondary: '#4b8bbe',
    link: '#7cc4fa',
  },
  font: {
    family: 'Inter, "Open Sans", sans-serif',
    mono: '"DejaVu Sans Mono", "Liberation Mono", monospace',
  },
  /** Font sizes at 1080p. Body text stays at or above 1/24 of the frame height (45 px). */
  size: {
    hero: 150,
    title: 96,
    statement: 120,
    quote: 68,
    body: 52,
    bodyMin: 45,
    small: 42,
  },
  /** Title-safe margin as a share of the frame (5% is broadcast title-safe; a little more breathes). */
  safe: { x: 0.07, y: 0.08 },
} as const;

export type Theme = typeof theme;

export const scaled = (px: number, height: number) => Math.round((px * height) / 1080);
