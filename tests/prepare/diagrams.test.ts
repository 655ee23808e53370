import { describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { checkDiagrams } from '../../src/prepare/diagrams.js';

// Counts the loads of mermaid by the code under test (the module itself is mermaid, unchanged).
const loads = vi.hoisted(() => ({ mermaid: 0 }));
vi.mock('mermaid', async (original) => {
  loads.mermaid++;
  return original();
});

const deckOf = (source: string) => parseDeck(source, 'talk.md').deck;
const fence = (code: string) => `\`\`\`mermaid\n${code}\n\`\`\``;

describe('checkDiagrams', () => {
  it('does not load mermaid for a deck without diagrams', async () => {
    const deck = deckOf('# Plain\n\n```js\nconst mermaid = 1;\n```\n');
    expect(await checkDiagrams(deck)).toEqual([]);
    expect(loads.mermaid).toBe(0);
  });

  it('passes diagrams of every common kind, labels included, and leaves them as they are', async () => {
    const kinds = [
      'flowchart LR\n  A[Start] -->|go| B{Is it?}\n  B -- Yes --> C[OK]',
      'sequenceDiagram\n  Alice->>Bob: Hello\n  Bob-->>Alice: Hi',
      'classDiagram\n  class Animal {\n    +int age\n  }\n  Animal <|-- Duck',
      'stateDiagram-v2\n  [*] --> Still\n  Still --> Moving',
      'gitGraph\n  commit\n  branch dev\n  commit',
      'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85',
      'gantt\n  title A\n  dateFormat YYYY-MM-DD\n  section S\n  Task :a1, 2024-01-01, 30d',
      'erDiagram\n  CUSTOMER ||--o{ ORDER : places',
      'mindmap\n  root((x))\n    A\n    B',
    ];
    const deck = deckOf(`# Kinds\n\n${kinds.map(fence).join('\n\n')}\n`);
    expect(await checkDiagrams(deck)).toEqual([]);
    expect(loads.mermaid).toBe(1);
    expect(deck.slides[0].blocks.slice(1).map((b) => (b.type === 'diagram' ? b.code : b.type))).toEqual(kinds);
  });

  it('shows a diagram mermaid cannot read as code, with a warning naming its line', async () => {
    const deck = deckOf(
      [
        '# Bad',
        fence('flowchart TD\n  A[x] --> B\n  B -->\n  C ]]'),
        fence('sequenceDiagram\n  A->>B: hi\n  B-->A oops'),
        fence('pie title X\n  "a" : 1\n  "b" : x'),
        fence('notadiagram\n  a'),
        '- an item\n\n  ' + fence('gitGraph\n  commit\n  checkout nope').replace(/\n/g, '\n  '),
      ].join('\n\n'),
    );
    const found = await checkDiagrams(deck);
    // Fences at lines 3, 10, 16, 22 and 29; the errors on the diagrams' lines 4, 3, 3, 1 (an unknown
    // kind of diagram) and none (a branch checked out before it is made: the fence's line).
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)).toEqual([
      'talk.md:7 warning diagram-invalid',
      'talk.md:13 warning diagram-invalid',
      'talk.md:19 warning diagram-invalid',
      'talk.md:23 warning diagram-invalid',
      'talk.md:29 warning diagram-invalid',
    ]);
    expect(found[1].message).toBe("mermaid cannot read this diagram: Parse error: Expecting 'TXT', got 'NEWLINE'; it is shown as code");
    for (const d of found) expect(d.message).toMatch(/^mermaid cannot read this diagram: .+; it is shown as code$/);
    const blocks = deck.slides[0].blocks;
    expect(blocks.slice(1, 5).map((b) => [b.type, b.line])).toEqual([
      ['code', 3],
      ['code', 10],
      ['code', 16],
      ['code', 22],
    ]);
    expect(blocks[1]).toEqual({ type: 'code', value: 'flowchart TD\n  A[x] --> B\n  B -->\n  C ]]', line: 3 });
    const list = blocks[5];
    expect(list.type === 'list' && list.items[0].blocks[0]).toEqual({ type: 'code', value: 'gitGraph\n  commit\n  checkout nope', line: 29 });
  });
});
