// What a search downloads: runs the site's own assets/search.js in Node on a built site and, for
// each query, loads the shards it asks for (search/terms/<part>-<n>.js) until it needs no more, then
// prints how many shards and bytes that was, the results and the time taken (index.js and the
// parts' documents scripts, search/docs/<part>.js, loaded once by the page, come first). The
// snippet texts of the results shown come on top.
//
//   node src/test/bench/search-bytes.js SITE QUERY...
//   node src/test/bench/search-bytes.js /dev/shm/o 开源 deepseek "开源模型 发布"
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) {
  console.error('usage: node search-bytes.js SITE QUERY...');
  process.exit(2);
}
const window = {};
window.window = window;
const context = vm.createContext(window);
const indexFile = path.join(site, 'search', 'index.js');
vm.runInContext(fs.readFileSync(indexFile, 'utf8'), context, { filename: indexFile });
vm.runInContext(fs.readFileSync(path.join(site, 'assets', 'search.js'), 'utf8'), context);
const docsBytes = (window.KAIYUAN_SEARCH.parts || []).map((count, p) => {
  const file = path.join(site, 'search', 'docs', p + '.js');
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  return fs.statSync(file).size;
});
const index = window.KaiyuanSearch.create(window.KAIYUAN_SEARCH);
console.log(`search/index.js: ${fs.statSync(indexFile).size} bytes, documents by part: ${docsBytes.join(' + ')} bytes, `
  + `shards by part: ${window.KAIYUAN_SEARCH.shards.join(' + ')}`);
for (const query of queries) {
  const start = process.hrtime.bigint();
  let shards = 0;
  let bytes = 0;
  for (let need = index.missing(query); need.length > 0; need = index.missing(query)) {
    for (const n of need) {
      const file = path.join(site, 'search', 'terms', n + '.js');
      bytes += fs.statSync(file).size;
      shards++;
      vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
    }
  }
  const results = index.search(query).length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${JSON.stringify(query)}: ${shards} shard(s), ${bytes} bytes, ${results} results, ${ms.toFixed(0)} ms`);
}
