// Runs the browser's search code (templates/assets/search.js) in Node, on an index the build wrote.
// Usage: node node-harness.js INDEX_JS SEARCH_JS INPUT_JSON
// INPUT_JSON: {"queries": [...], "texts": [...], "dates": [[iso, lang]...], "urls": [...]}. Prints one JSON object:
// {"icu", "segmenter", "results": {query: [{url, score, snippet: [{text, hit}]}]}, "units": {query: [...]},
//  "tokens": [[{term, start, end, kind}] for each text, folded and split as a query is],
//  "dates": {"iso lang": as the page writes it}, "textScripts": {url: its text script's site path}}
// Both scripts run in a vm context whose global object is a fake `window` without a document,
// so search.js exposes window.KaiyuanSearch and wires no page.
'use strict';
const fs = require('fs');
const vm = require('vm');

const [indexPath, scriptPath, inputPath] = process.argv.slice(2);
const window = {};
window.window = window;
const context = vm.createContext(window);
vm.runInContext(fs.readFileSync(indexPath, 'utf8'), context, { filename: indexPath });
vm.runInContext(fs.readFileSync(scriptPath, 'utf8'), context, { filename: scriptPath });
if (!window.KAIYUAN_SEARCH || !window.KaiyuanSearch) {
  throw new Error('index.js or search.js did not set their globals');
}
// every part's documents, every shard and every document's text script (site paths; the site is
// two folders up from the index), as the search page loads those its queries and results need
const path = require('path');
const site = path.dirname(path.dirname(path.resolve(indexPath)));
window.KAIYUAN_SEARCH.parts.forEach((count, p) => {
  const file = path.join(site, 'search', 'docs', p + '.js');
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
});
window.KAIYUAN_SEARCH.shards.forEach((count, p) => {
  for (let n = 0; n < count; n++) {
    const file = path.join(site, 'search', 'terms', p + '-' + n + '.js');
    vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  }
});
const index = window.KaiyuanSearch.create(window.KAIYUAN_SEARCH);
if (index.docs.some((doc) => !doc)) {
  throw new Error('the documents scripts did not give every document index.js counts');
}
for (const doc of index.docs) {
  const file = path.join(site, window.KaiyuanSearch.textScriptOf(doc));
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
}
const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
const out = {
  icu: process.versions.icu,
  segmenter: typeof Intl.Segmenter === 'function',
  results: {},
  units: {},
  tokens: [],
  dates: {},
  textScripts: {}
};
for (const q of input.queries) {
  out.units[q] = index.tokenizer.units(q);
  out.results[q] = index.search(q).map((r) => ({
    url: r.doc.url,
    score: r.score,
    snippet: index.snippet(r.doc, r.marks)
  }));
}
for (const text of input.texts) {
  out.tokens.push(index.tokenizer.primary(index.fold(text)));
}
for (const url of input.urls || []) {
  out.textScripts[url] = window.KaiyuanSearch.textScriptOf({ url });
}
for (const [iso, lang] of input.dates || []) {
  out.dates[iso + ' ' + lang] = window.KaiyuanSearch.displayDate(iso, lang);
}
process.stdout.write(JSON.stringify(out));
