/**
 * mermaid's own prebuilt script (`mermaid/dist/mermaid.min.js`), which the render copies beside
 * the bundle's public files (see render/browser/bundle.ts) and the page loads for its first diagram (see
 * mermaid-page.ts): compiled into the bundle, its 5 MB would go through the bundler on every cold
 * render, decks without diagrams included. (Remotion Studio serves public/ as it is, without it:
 * there, diagrams are shown as their source.)
 */
export const MERMAID_SCRIPT = 'talkreel-mermaid.min.js';
