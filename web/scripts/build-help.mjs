// Builds the offline user guide: docs/help/<lang>/*.md → public/help/<lang>/*.html.
//
//   node scripts/build-help.mjs           write public/help/ (Vite copies it into dist/, and the
//                                         server serves it at /help/)
//   node scripts/build-help.mjs --check   write nothing; fail when public/help/ is not what the
//                                         sources give (a source edited without rebuilding)
//
// Each language is a folder of docs/help/ holding `guide.json` (its name, the words of the
// guide's frame, and the pages in their order) and one Markdown file per page. Every language
// has the same pages, so the language switch leads to the same page in the other language.
//
// The output is self-contained and static: one shared CSS file and one small script, no font,
// no CDN, no external link of any kind (nCEN runs on closed networks), and only relative links,
// so the guide also reads from the file system. Screenshots are `../img/<name>.png` in the
// Markdown; web/e2e/help.spec.ts writes them into public/help/img/ (committed). A missing image
// is only a warning, so the guide builds before the first Playwright run.
//
// The output depends on the sources only (no date, no build number): rebuilding unchanged
// sources changes nothing, and `--check` can compare.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(WEB, '..', 'docs', 'help');
const OUT = join(WEB, 'public', 'help');
const IMG = join(OUT, 'img');
const CHECK = process.argv.includes('--check');

/** Screenshots are taken at this size; used when an image is not there yet. */
const SHOT = { width: 1280, height: 800 };

const errors = [];
/** screenshots the pages show that public/help/img/ does not hold yet */
const missing = new Set();
const fail = (msg) => errors.push(msg);

// ---------------------------------------------------------------------------------------------
// Sources

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${relative(WEB, file)}: ${e.message}`);
    return null;
  }
}

const LABELS = ['guide', 'skip', 'contents', 'onThisPage', 'language', 'backToApp', 'previous', 'next', 'chooseLanguage'];

/** The languages, in the order of their folder names (`en` first when present). */
function loadLanguages() {
  if (!existsSync(SRC)) {
    fail(`${relative(WEB, SRC)} does not exist`);
    return [];
  }
  const codes = readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const langs = [];
  for (const code of codes) {
    if (!/^[a-z]{2}$/.test(code)) {
      fail(`docs/help/${code}: a language folder is a two-letter code`);
      continue;
    }
    const meta = readJson(join(SRC, code, 'guide.json'));
    if (!meta) continue;
    for (const k of LABELS) if (typeof meta.labels?.[k] !== 'string') fail(`docs/help/${code}/guide.json: labels.${k} is missing`);
    if (typeof meta.name !== 'string') fail(`docs/help/${code}/guide.json: name is missing`);
    if (!Array.isArray(meta.pages) || meta.pages[0] !== 'index') fail(`docs/help/${code}/guide.json: pages must start with "index"`);
    const pages = (meta.pages ?? []).map((slug) => {
      if (!/^[a-z0-9-]+$/.test(slug)) fail(`docs/help/${code}/guide.json: page "${slug}" is not a lower-case slug`);
      const file = join(SRC, code, `${slug}.md`);
      if (!existsSync(file)) {
        fail(`docs/help/${code}/${slug}.md is listed in guide.json but does not exist`);
        return { slug, markdown: `# ${slug}\n` };
      }
      const markdown = readFileSync(file, 'utf8');
      if (code === 'fr') checkFrench(`docs/help/${code}/${slug}.md`, markdown);
      return { slug, markdown };
    });
    const listed = new Set(meta.pages ?? []);
    for (const f of readdirSync(join(SRC, code))) {
      if (f.endsWith('.md') && !listed.has(f.slice(0, -3))) fail(`docs/help/${code}/${f} is not listed in guide.json's pages`);
    }
    langs.push({ code, dir: meta.dir === 'rtl' ? 'rtl' : 'ltr', name: meta.name, labels: meta.labels ?? {}, pages });
  }
  const [first, ...rest] = langs;
  for (const l of rest) {
    if (l.pages.map((p) => p.slug).join() !== first.pages.map((p) => p.slug).join()) {
      fail(`docs/help/${l.code}/guide.json: its pages differ from ${first.code}'s (every language has the same pages, in the same order)`);
    }
  }
  return langs;
}

/**
 * French typography, as in the app's strings (web/src/i18n/fr.ts): a no-break space U+00A0,
 * never a plain space, before « : ; ? ! » and inside « guillemets », and the apostrophe ’.
 * Code spans and image or link targets are not prose, and are left out.
 */
function checkFrench(where, markdown) {
  markdown.split('\n').forEach((line, i) => {
    const prose = line
      .replace(/`[^`]*`/g, '``')
      .replace(/!\[/g, '[')
      .replace(/\]\([^)]*\)/g, ']()');
    const problems = [];
    if (/[ \t][:;?!»]/.test(prose)) problems.push('a plain space before : ; ? ! or » (write a no-break space U+00A0)');
    if (/«[ \t]/.test(prose)) problems.push('a plain space after « (write a no-break space U+00A0)');
    if (/[:;?!»][^\s\u00a0)*_.,…]/.test(prose.replace(/[a-z]+:\/\//g, ''))) problems.push('no space after : ; ? ! or »');
    if (/'/.test(prose)) problems.push("an apostrophe ' (write ’)");
    for (const p of problems) fail(`${where}:${i + 1}: French typography: ${p}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Rendering

const escapeHtml = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A heading's id: its words, ASCII, lower case, joined by hyphens. */
function slugify(text) {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/<[^>]*>/g, '')
      .replace(/&[a-z0-9#]+;/g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** Width and height of a PNG, read from its header; the screenshot size otherwise. */
function imageSize(file) {
  try {
    const b = readFileSync(file);
    if (b.length > 24 && b.toString('ascii', 1, 4) === 'PNG') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  } catch {
    /* not there yet */
  }
  return SHOT;
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * One page: its HTML body, title, the `##` headings (for "on this page"), and what it links
 * to (checked once every page is rendered).
 */
function renderPage(lang, page) {
  const where = `docs/help/${lang.code}/${page.slug}.md`;
  const ids = new Set();
  const headings = [];
  const links = [];
  const images = [];
  let title = null;

  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        let id = slugify(text);
        for (let n = 2; ids.has(id); n += 1) id = `${slugify(text)}-${n}`;
        ids.add(id);
        if (depth === 1) {
          if (title !== null) fail(`${where}: more than one "# " heading`);
          title = inner.replace(/<[^>]*>/g, '');
          return `<h1 id="${id}">${inner}</h1>\n`;
        }
        if (depth === 2) headings.push({ id, html: inner });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      link({ href, title: linkTitle, tokens }) {
        const inner = this.parser.parseInline(tokens);
        let target = href;
        if (EXTERNAL.test(href) || href.startsWith('/')) {
          fail(`${where}: link "${href}": the guide links only to its own pages, relatively (closed networks)`);
        } else {
          // `workflow.md#four-eyes` → `workflow.html#four-eyes`; `#x` stays on this page
          const m = /^([a-z0-9-]+)\.md(#.*)?$/.exec(href);
          if (m) target = `${m[1]}.html${m[2] ?? ''}`;
          else if (!href.startsWith('#')) fail(`${where}: link "${href}": write links to pages as "<page>.md" or "<page>.md#<heading>"`);
          links.push(target);
        }
        const t = linkTitle ? ` title="${escapeHtml(linkTitle)}"` : '';
        return `<a href="${escapeHtml(target)}"${t}>${inner}</a>`;
      },
      image({ href, title: imgTitle, text }) {
        const m = /^\.\.\/img\/([a-z0-9-]+\.png)$/.exec(href);
        if (!m) {
          fail(`${where}: image "${href}": images are "../img/<name>.png" (screenshots made by web/e2e/help.spec.ts)`);
          return '';
        }
        if (!text.trim()) fail(`${where}: image "${href}" needs a description (its alt text)`);
        images.push(m[1]);
        const file = join(IMG, m[1]);
        if (!existsSync(file)) missing.add(m[1]);
        const { width, height } = imageSize(file);
        const t = imgTitle ? ` title="${escapeHtml(imgTitle)}"` : '';
        return `<img class="shot" src="${href}" alt="${escapeHtml(text)}" width="${width}" height="${height}"${t}>`;
      },
    },
  });
  let body = marked.parse(page.markdown);
  // wide tables scroll on their own instead of widening the page
  body = body.replace(/<table>/g, '<div class="table-wrap"><table>').replace(/<\/table>/g, '</table></div>');
  if (title === null) {
    fail(`${where}: the page needs one "# " heading, its title`);
    title = page.slug;
  }
  return { slug: page.slug, title, body, ids, headings, links, images };
}

function frame(lang, langs, pages, i) {
  const p = pages[i];
  const L = lang.labels;
  const nav = pages
    .map((q) => {
      const current = q.slug === p.slug;
      const sub =
        current && q.headings.length > 0
          ? `\n<ol class="toc" aria-label="${escapeHtml(L.onThisPage)}">${q.headings
              .map((h) => `<li><a href="#${h.id}">${h.html}</a></li>`)
              .join('')}</ol>`
          : '';
      return `<li><a href="${q.slug}.html"${current ? ' aria-current="page"' : ''}>${escapeHtml(q.title)}</a>${sub}</li>`;
    })
    .join('\n');
  const switcher = langs
    .map((o) =>
      o.code === lang.code
        ? `<li><span aria-current="true" lang="${o.code}">${escapeHtml(o.name)}</span></li>`
        : `<li><a href="../${o.code}/${p.slug}.html" lang="${o.code}" hreflang="${o.code}">${escapeHtml(o.name)}</a></li>`,
    )
    .join('');
  const prev = pages[i - 1];
  const next = pages[i + 1];
  const pager = [
    prev ? `<a class="prev" href="${prev.slug}.html" rel="prev"><span>${escapeHtml(L.previous)}</span> ${escapeHtml(prev.title)}</a>` : '',
    next ? `<a class="next" href="${next.slug}.html" rel="next"><span>${escapeHtml(L.next)}</span> ${escapeHtml(next.title)}</a>` : '',
  ].join('');
  const pageTitle = p.slug === 'index' ? L.guide : `${p.title} · ${L.guide}`;
  // `../../help/help.js` and not `../help.js`: asked for as /help/en (no final slash), the server
  // answers with en/index.html, and `../help.js` would then be /help.js; `../../help/` is /help/
  // either way. The script then asks again with the slash, so that the relative links work.
  return `<!doctype html>
<html lang="${lang.code}" dir="${lang.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ncen-help" content="${lang.code}/${p.slug}">
<title>${escapeHtml(pageTitle)}</title>
<link rel="icon" href="../../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="../help.css">
<script src="../../help/help.js"></script>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(L.skip)}</a>
<header class="top">
<a class="brand" href="index.html">${escapeHtml(L.guide)}</a>
<nav class="langs" aria-label="${escapeHtml(L.language)}"><ul>${switcher}</ul></nav>
<a class="app" href="../../">${escapeHtml(L.backToApp)}</a>
</header>
<div class="layout">
<nav class="side" aria-label="${escapeHtml(L.contents)}">
<ol class="pages">
${nav}
</ol>
</nav>
<main id="content" tabindex="-1">
${p.body}<nav class="pager" aria-label="${escapeHtml(L.previous)} / ${escapeHtml(L.next)}">${pager}</nav>
</main>
</div>
</body>
</html>
`;
}

/** /help/: sends the reader to the guide in their language (see help.js); links for no script. */
function chooser(langs) {
  const en = langs.find((l) => l.code === 'en') ?? langs[0];
  const items = langs
    .map((l) => `<li><a href="${l.code}/index.html" lang="${l.code}" hreflang="${l.code}">${escapeHtml(l.labels.guide)} (${escapeHtml(l.name)})</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="${en.code}" data-help-root="${langs.map((l) => l.code).join(' ')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ncen-help" content="index">
<title>${escapeHtml(langs.map((l) => l.labels.guide).join(' · '))}</title>
<link rel="icon" href="../favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="../help/help.css">
<script src="../help/help.js"></script>
</head>
<body>
<main id="content" class="chooser">
<h1>${escapeHtml(langs.map((l) => l.labels.guide).join(' · '))}</h1>
<p>${langs.map((l) => `<span lang="${l.code}">${escapeHtml(l.labels.chooseLanguage)}</span>`).join(' · ')}</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}

// The script every page loads (the server's Content-Security-Policy allows no inline script).
const HELP_JS = `// nCEN user guide: generated by web/scripts/build-help.mjs, do not edit.
(function () {
  var path = location.pathname;
  // A folder asked for without its final slash (/help, /help/en): the server answers with its
  // index.html, but relative links would resolve one level too high. Ask again with the slash.
  if (!/\\/$/.test(path) && !/\\.html?$/.test(path)) {
    location.replace(path + '/' + location.search + location.hash);
    return;
  }
  // /help/: the guide in the reader's language: the one chosen in nCEN if the guide has it,
  // else the browser's first language the guide has, else the first (English).
  var root = document.documentElement.getAttribute('data-help-root');
  if (root === null) return;
  var have = root.split(' ');
  var wanted = [];
  try {
    wanted.push(localStorage.getItem('ncen.lang') || '');
  } catch (e) {
    /* storage unavailable */
  }
  wanted = wanted.concat(navigator.languages || [navigator.language || '']);
  var pick = have[0];
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i] || '').toLowerCase().split('-')[0];
    if (have.indexOf(code) >= 0) {
      pick = code;
      break;
    }
  }
  location.replace(pick + '/' + location.hash);
})();
`;

const HELP_CSS = `/* nCEN user guide: generated by web/scripts/build-help.mjs, do not edit. System fonts only. */
:root {
  --ink: #1a1b1e;
  --muted: #495057;
  --line: #dee2e6;
  --brand: #0b2553;
  --link: #173f85;
  --side: #f1f4f9;
  --note: #e8f0fb;
  --warn: #fff4e6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
  line-height: 1.55;
}
* { box-sizing: border-box; }
body { margin: 0; background: #fff; }
a { color: var(--link); }
a:focus-visible, main:focus-visible { outline: 3px solid #3f6fc9; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: .5rem; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1.25rem; background: var(--brand); color: #fff; }
.top a { color: #fff; }
.brand { font-weight: 700; text-decoration: none; margin-inline-end: auto; }
.langs ul { display: flex; gap: .75rem; list-style: none; margin: 0; padding: 0; }
.langs span[aria-current] { font-weight: 700; text-decoration: underline; text-underline-offset: 4px; }
.layout { display: flex; align-items: flex-start; }
.side { flex: 0 0 17rem; position: sticky; top: 0; min-height: 100vh; max-height: 100vh; overflow-y: auto; background: var(--side); border-inline-end: 1px solid var(--line); padding: 1rem .75rem 2rem; }
.side ol { list-style: none; margin: 0; padding: 0; }
.side .pages > li { margin: .15rem 0; }
.side a { display: block; padding: .3rem .5rem; border-radius: 4px; text-decoration: none; }
.side a:hover { background: #dfe7f4; }
.side a[aria-current="page"] { background: var(--brand); color: #fff; font-weight: 600; }
.side .toc { margin: .25rem 0 .5rem; padding-inline-start: .75rem; border-inline-start: 2px solid var(--line); font-size: .9rem; }
.side .toc a { padding: .15rem .5rem; color: var(--muted); }
main { flex: 1 1 auto; min-width: 0; max-width: 52rem; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 1rem; color: var(--brand); }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-top: .4rem; border-top: 1px solid var(--line); color: var(--brand); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
p, ul, ol { margin: .6rem 0; }
li { margin: .2rem 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; background: #f1f3f5; padding: .05rem .3rem; border-radius: 3px; }
kbd { font-family: inherit; font-size: .9em; border: 1px solid #adb5bd; border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; background: #f8f9fa; }
blockquote { margin: 1rem 0; padding: .6rem 1rem; background: var(--note); border-inline-start: 4px solid var(--link); border-radius: 4px; }
blockquote p { margin: .3rem 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: start; vertical-align: top; }
th { background: var(--side); }
img.shot { display: block; max-width: 100%; height: auto; margin: 1rem 0; border: 1px solid #ced4da; border-radius: 4px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); }
.pager a { display: block; max-width: 48%; text-decoration: none; }
.pager a span { display: block; font-size: .85rem; color: var(--muted); }
.pager .next { margin-inline-start: auto; text-align: end; }
.chooser { margin: 3rem auto; }
@media (max-width: 800px) {
  .layout { display: block; }
  .side { position: static; max-height: none; border-inline-end: 0; border-bottom: 1px solid var(--line); }
  main { padding: 1rem; }
}
@media print {
  .top, .side, .pager, .skip { display: none; }
  main { max-width: none; padding: 0; }
  img.shot { box-shadow: none; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

// ---------------------------------------------------------------------------------------------
// Build

const langs = loadLanguages();
/** path under public/help/ → content */
const files = new Map();
const rendered = new Map();
for (const lang of langs) {
  const pages = lang.pages.map((p) => renderPage(lang, p));
  rendered.set(lang.code, pages);
  pages.forEach((_, i) => files.set(`${lang.code}/${pages[i].slug}.html`, frame(lang, langs, pages, i)));
}
if (langs.length > 0) files.set('index.html', chooser(langs));
files.set('help.css', HELP_CSS);
files.set('help.js', HELP_JS);

// every link of a page leads to a page of its language, and to a heading that page has
for (const lang of langs) {
  const pages = rendered.get(lang.code);
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  for (const p of pages) {
    for (const link of p.links) {
      const [file, anchor] = link.split('#');
      const target = file ? bySlug.get(file.replace(/\.html$/, '')) : p;
      if (!target) fail(`docs/help/${lang.code}/${p.slug}.md: link "${link}" leads to no page`);
      else if (anchor && !target.ids.has(anchor)) fail(`docs/help/${lang.code}/${p.slug}.md: link "${link}": ${target.slug} has no heading "#${anchor}"`);
    }
  }
}
// the same screenshots in every language (each in its own language: <name>-<lang>.png)
const shotsOf = (code) =>
  [...new Set(rendered.get(code).flatMap((p) => p.images))].map((f) => f.replace(new RegExp(`-${code}\\.png$`), '')).sort();
for (const lang of langs) {
  for (const img of rendered.get(lang.code).flatMap((p) => p.images)) {
    if (!img.endsWith(`-${lang.code}.png`)) fail(`docs/help/${lang.code}: image ${img} should be a screenshot in its language, <name>-${lang.code}.png`);
  }
  if (lang !== langs[0] && shotsOf(lang.code).join() !== shotsOf(langs[0].code).join()) {
    fail(`docs/help/${lang.code}: its screenshots (${shotsOf(lang.code).join(', ')}) differ from ${langs[0].code}'s (${shotsOf(langs[0].code).join(', ')})`);
  }
}

if (errors.length > 0) {
  for (const e of errors) console.error(`build-help: ${e}`);
  process.exit(1);
}

/** The generated files now in public/help/ (img/ belongs to the Playwright run). */
function existing() {
  const found = [];
  if (!existsSync(OUT)) return found;
  for (const e of readdirSync(OUT, { withFileTypes: true })) {
    if (e.isFile()) found.push(e.name);
    else if (e.isDirectory() && e.name !== 'img') {
      for (const f of readdirSync(join(OUT, e.name))) found.push(`${e.name}/${f}`);
    }
  }
  return found;
}

if (CHECK) {
  const stale = [];
  for (const [path, content] of files) {
    const file = join(OUT, path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path);
  }
  for (const path of existing()) if (!files.has(path)) stale.push(`${path} (no longer generated)`);
  if (stale.length > 0) {
    console.error(`build-help: public/help/ is stale (${stale.join(', ')}): run \`npm run build:help\` and commit the result.`);
    process.exit(1);
  }
  console.log('build-help: public/help/ is up to date with docs/help/');
} else {
  for (const path of existing()) if (!files.has(path)) rmSync(join(OUT, path));
  for (const [path, content] of files) {
    const file = join(OUT, path);
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
  }
  const count = langs.map((l) => `${l.code}: ${l.pages.length} pages`).join(', ');
  console.log(`build-help: public/help/ written (${count})`);
}
if (missing.size > 0) {
  console.warn(`build-help: warning: ${missing.size} screenshots are not in public/help/img/ yet (web/e2e/help.spec.ts writes them): ${[...missing].sort().join(', ')}`);
}
