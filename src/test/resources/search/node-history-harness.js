// Runs the browser's search code (templates/assets/search.js) in Node as the search page does:
// each query in turn loads only the shards it asks for (Index.missing), so what a query finds may
// depend on what earlier queries loaded. Usage: node node-history-harness.js INDEX_JS SEARCH_JS QUERY...
// Prints {"results": [[doc url, ...] for each query], "shards": [shards loaded before each query's answer]}.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [indexPath, scriptPath, ...queries] = process.argv.slice(2);
const window = {};
window.window = window;
const context = vm.createContext(window);
vm.runInContext(fs.readFileSync(indexPath, 'utf8'), context, { filename: indexPath });
vm.runInContext(fs.readFileSync(scriptPath, 'utf8'), context, { filename: scriptPath });
const site = path.dirname(path.dirname(path.resolve(indexPath)));
window.KAIYUAN_SEARCH.parts.forEach((count, p) => {
  const file = path.join(site, 'search', 'docs', p + '.js');
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
});
const index = window.KaiyuanSearch.create(window.KAIYUAN_SEARCH);
const out = { results: [], shards: [] };
let loaded = 0;
for (const query of queries) {
  for (let need = index.missing(query); need.length > 0; need = index.missing(query)) {
    for (const name of need) {
      const file = path.join(site, 'search', 'terms', name + '.js');
      vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
      loaded++;
    }
  }
  out.shards.push(loaded);
  out.results.push(index.search(query).map((r) => r.doc.url));
}
process.stdout.write(JSON.stringify(out));
