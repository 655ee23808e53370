import { formatClock } from '../deck/clock.js';
import type { Chapter } from './chapters.js';

export interface PageInput {
  title: string;
  /** File names relative to the page; null when not rendered. */
  video: string | null;
  poster: string | null;
  /** WebVTT text: embedded as a data: URL, which browsers load even from a file:// page. */
  captionsVtt: string | null;
  chapters: Chapter[];
  slides: { index: number; title: string; startSeconds: number; thumbnail: string | null }[];
  durationSeconds: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const url = (file: string) => esc(file.split('/').map(encodeURIComponent).join('/'));

/**
 * index.html: the talk's video, its chapters (a click seeks), and every slide's picture with a
 * download link. Self-contained: styles and script are inline and every file it names sits beside
 * it, so it works from a folder, a USB stick or any static host, without network. Pure.
 */
export function galleryPage(p: PageInput): string {
  const long = p.durationSeconds >= 3600;
  const seekable = (seconds: number, label: string) =>
    p.video ? `<button type="button" data-seek="${seconds}">${esc(label)}</button>` : esc(label);
  const chapters = p.chapters.length === 0 ? '' : `
  <section>
    <h2>Chapters</h2>
    <ol class="chapters">
${p.chapters.map((c) => `      <li>${seekable(c.startSeconds, formatClock(c.startSeconds, long))} ${esc(c.title)}</li>`).join('\n')}
    </ol>
  </section>`;
  const slides = p.slides.filter((s) => s.thumbnail);
  const gallery = slides.length === 0 ? '' : `
  <section>
    <h2>Slides</h2>
    <ul class="slides">
${slides.map((s) => `      <li>
        <img src="${url(s.thumbnail!)}" alt="Slide ${s.index}: ${esc(s.title)}" loading="lazy">
        <p>${seekable(s.startSeconds, `${s.index}. ${formatClock(s.startSeconds, long)}`)} ${esc(s.title)}</p>
        <a href="${url(s.thumbnail!)}" download>Download PNG</a>
      </li>`).join('\n')}
    </ul>
  </section>`;
  const video = !p.video ? '' : `
  <video id="talk" controls preload="metadata" playsinline${p.poster ? ` poster="${url(p.poster)}"` : ''}>
    <source src="${url(p.video)}" type="video/mp4">${p.captionsVtt ? `\n    <track kind="captions" src="data:text/vtt;base64,${Buffer.from(p.captionsVtt).toString('base64')}" srclang="en" label="Captions" default>` : ''}
  </video>
  <p><a href="${url(p.video)}" download>Download the video</a></p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>
  body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 16px/1.5 system-ui, sans-serif; background: #101216; color: #e8e8ea; }
  a { color: #ffd14d; }
  video { width: 100%; background: #000; }
  button { font: inherit; color: #ffd14d; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
  .chapters { padding-left: 1.5em; }
  .slides { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
  .slides img { width: 100%; display: block; }
  .slides p { margin: 4px 0; }
</style>
</head>
<body>
  <h1>${esc(p.title)}</h1>${video}${chapters}${gallery}
<script>
  // A chapter or slide link jumps the video there and plays it.
  const video = document.getElementById('talk');
  for (const b of document.querySelectorAll('[data-seek]')) {
    b.addEventListener('click', () => {
      video.currentTime = Number(b.dataset.seek);
      video.play().catch(() => {});
    });
  }
</script>
</body>
</html>
`;
}
