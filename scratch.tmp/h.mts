import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toHast } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { VFile } from 'vfile';
const md = `<div v-click="3">A</div>\n\n<div v-click.hide>B</div>\n\n<v-clicks depth="2" :at="3" every="2">\n\n- x\n\n</v-clicks>\n\nText <span v-click>later</span> <span v-mark.red>marked</span>\n\n<div v-after>C</div>\n\n<v-click at="+2">D</v-click>\n`;
const h: any = raw(toHast(unified().use(remarkParse).parse(md), { allowDangerousHtml: true }) as any, { file: new VFile(md) });
const sh = (n: any, d = 0) => { if (n.type==='text' && !n.value.trim()) return; console.log(' '.repeat(d*2) + n.type + (n.tagName ? `<${n.tagName}> ${JSON.stringify(n.properties)}` : '') + (n.value ? JSON.stringify(n.value) : '')); for (const c of n.children ?? []) sh(c, d + 1); };
sh(h);
