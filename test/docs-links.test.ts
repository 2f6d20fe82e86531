// The repository stands alone: a newcomer who follows a link of its documents, or looks up a document the code or the
// schema cites ("docs/rules.md section 5"), finds it in the repository, at the heading named.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Files under a folder of the repository (generated and installed code left out), by their path from the root. */
function filesUnder(folder: string, extensions: readonly string[]): string[] {
  const entries = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
  return entries
    .map((entry) => path.join(folder, entry))
    .filter((file) => !/(^|\/)(generated|node_modules|dist)(\/|$)/.test(file))
    .filter((file) => extensions.some((extension) => file.endsWith(extension)))
    .filter((file) => statSync(path.join(root, file)).isFile())
    .sort();
}

/** The documents a newcomer reads: their links must resolve now. */
const documents = ['README.md', ...filesUnder('docs', ['.md']), ...filesUnder('spec', ['.md'])];

/**
 * What the product cites by name: the schema's descriptions, the code's comments, the specification's copies.
 */
const citingFiles = [
  'schema.graphql',
  'spec/contract.graphql',
  ...filesUnder('spec', ['.md']).filter((file) => file !== 'spec/README.md'),
  ...filesUnder('src', ['.ts', '.mts', '.mjs', '.js']),
  ...filesUnder('web/src', ['.ts', '.tsx']),
  'prisma/schema.prisma',
  ...filesUnder('scripts', ['.ts']),
  ...filesUnder('bench', ['.ts', '.mjs']),
];

function read(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

function insideRepository(absolute: string): boolean {
  const relative = path.relative(root, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && token.tokens) return plainText(token.tokens);
      if (token.type === 'html') return '';
      return 'text' in token ? String(token.text) : '';
    })
    .join('');
}

interface Heading {
  text: string;
  slug: string;
}

const headingsCache = new Map<string, Heading[]>();

/** The headings of a Markdown file with their anchors, as GitHub makes them (repeated titles get -1, -2…). */
function headingsOf(file: string): Heading[] {
  let headings = headingsCache.get(file);
  if (!headings) {
    const slugger = new GithubSlugger();
    const found: Heading[] = [];
    marked.walkTokens(marked.lexer(read(file)), (token) => {
      if (token.type !== 'heading') return;
      const text = plainText(token.tokens).trim();
      found.push({ text, slug: slugger.slug(text) });
    });
    headings = found;
    headingsCache.set(file, headings);
  }
  return headings;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Every link and image of a Markdown text that points into the repository, with what is wrong with it. */
function brokenLinks(file: string, text = read(file)): string[] {
  const hrefs: string[] = [];
  marked.walkTokens(marked.lexer(text), (token) => {
    if (token.type === 'link' || token.type === 'image') hrefs.push(token.href);
  });
  const problems: string[] = [];
  for (const href of hrefs) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto:: outside the repository by intent
    const [target = '', anchor] = href.split('#', 2) as [string, string | undefined];
    const absolute = target === '' ? path.join(root, file) : path.resolve(root, path.dirname(file), decodeURI(target));
    const relative = path.relative(root, absolute);
    if (!insideRepository(absolute)) {
      problems.push(`${file}: ${href} points outside the repository`);
    } else if (!existsSync(absolute)) {
      problems.push(`${file}: ${href}: ${relative} does not exist`);
    } else if (anchor !== undefined) {
      if (!relative.endsWith('.md')) problems.push(`${file}: ${href}: only Markdown files have headings to link to`);
      else if (!headingsOf(relative).some((heading) => heading.slug === decodeURIComponent(anchor)))
        problems.push(`${file}: ${href}: ${relative} has no heading #${anchor}`);
    }
  }
  return problems;
}

/**
 * Markdown files named in a text (`docs/rules.md`, `RULES.md`…), each with what follows the name: "section 5",
 * "sections 3 and 5", or `, "A heading"`.
 */
function citations(text: string): Array<{ name: string; index: number; sections: string[]; title?: string }> {
  const found: Array<{ name: string; index: number; sections: string[]; title?: string }> = [];
  for (const match of text.matchAll(/(?<![\w./:-])((?:\.{1,2}\/)*[\w-]+(?:\/[\w.-]+)*\.md)\b/g)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 200);
    const numbers = /^,? sections? (\d+(?:(?:, | and | to |–|-)\d+)*)/.exec(after)?.[1];
    const title = /^, "([^"\n]+)"/.exec(after)?.[1];
    found.push({ name: match[1]!, index: match.index, sections: numbers?.match(/\d+/g) ?? [], title });
  }
  return found;
}

/** What a file cites that the repository does not hold: a document, or a section or heading of it. */
function brokenCitations(file: string, resolveFrom: readonly string[], text = read(file)): string[] {
  const problems: string[] = [];
  for (const citation of citations(text)) {
    const where = `${file}:${lineOf(text, citation.index)}`;
    const target = resolveFrom
      .map((base) => path.resolve(root, base, citation.name))
      .find((absolute) => insideRepository(absolute) && existsSync(absolute));
    if (!target) {
      problems.push(`${where}: cites ${citation.name}, which the repository does not hold`);
      continue;
    }
    const headings = headingsOf(path.relative(root, target));
    for (const section of citation.sections) {
      if (!headings.some((heading) => heading.text.startsWith(`${section}. `)))
        problems.push(`${where}: cites ${citation.name} section ${section}, which it does not have`);
    }
    if (citation.title && !headings.some((heading) => heading.text.toLowerCase() === citation.title!.toLowerCase()))
      problems.push(`${where}: cites ${citation.name}, "${citation.title}", which is not one of its headings`);
  }
  return problems;
}

describe('the repository stands alone', () => {
  it('finds the documents it checks', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/rules.md', 'spec/README.md']));
    expect(citingFiles).toEqual(expect.arrayContaining(['src/domain/netting.ts', 'src/schema/case.ts']));
  });

  it('every link of README.md, docs/ and spec/ resolves inside the repository, anchors to a heading', () => {
    expect(documents.flatMap((file) => brokenLinks(file))).toEqual([]);
  });

  it('every document README.md, docs/ and spec/README.md name exists in the repository', () => {
    const named = documents.filter((file) => !citingFiles.includes(file));
    // A name that labels a link is as good as its link, which the test above checks.
    const withoutLinkLabels = (file: string) => read(file).replace(/\[[^\]\n]*\]\(([^)\s]*)[^)]*\)/g, ' $1 ');
    const problems = named.flatMap((file) => brokenCitations(file, [path.dirname(file), '.'], withoutLinkLabels(file)));
    expect(problems).toEqual([]);
  });

  it('every document the code, the schema and the specification cite exists in the repository', () => {
    expect(citingFiles.flatMap((file) => brokenCitations(file, ['.']))).toEqual([]);
  });

  it('the checks see what is broken', () => {
    const links = [
      '[fine](docs/rules.md#5-cases) [fine](spec/samples/) [fine](https://example.com/x.md)',
      '[gone](docs/nope.md) [no heading](docs/rules.md#no-such-heading) [outside](../shared/API.md)',
    ].join('\n');
    expect(brokenLinks('README.md', links)).toEqual([
      'README.md: docs/nope.md: docs/nope.md does not exist',
      'README.md: docs/rules.md#no-such-heading: docs/rules.md has no heading #no-such-heading',
      'README.md: ../shared/API.md points outside the repository',
    ]);
    const comments = [
      '// docs/rules.md sections 3 and 5; (docs/reports.md, "Bad input"); docs/rules.md section 7, region NA',
      '// RULES.md section 4; docs/rules.md section 11; (docs/reports.md, "No such heading"); ../shared/STACK.md',
    ].join('\n');
    expect(brokenCitations('src/example.ts', ['.'], comments)).toEqual([
      'src/example.ts:2: cites RULES.md, which the repository does not hold',
      'src/example.ts:2: cites docs/rules.md section 11, which it does not have',
      'src/example.ts:2: cites docs/reports.md, "No such heading", which is not one of its headings',
      'src/example.ts:2: cites ../shared/STACK.md, which the repository does not hold',
    ]);
  });
});
