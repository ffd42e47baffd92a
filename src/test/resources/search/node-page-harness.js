// Runs the search page's wiring (templates/assets/search.js, function start) in Node against a
// minimal fake DOM: the page as search.ftlh/search.peb render it, reduced to what the script uses.
// Usage: node node-page-harness.js INDEX_JS SEARCH_JS LOCATION_HREF LANG [DOCS_DELAY_MS [EARLY_QUERY]]
// Scenario: load with the address's ?q= (EARLY_QUERY, when given, typed 10 ms after the page
// starts, while the documents scripts, which arrive after DOCS_DELAY_MS, are still loading), then
// type a query (input event), then submit an empty form. A missing INDEX_JS is a page whose index
// did not load. Prints one JSON object with what the reader would see after each step and every address
// history.replaceState was given. Any use of innerHTML throws: index text must go in as text.
// Scripts the page adds (the results' text scripts) load after a tick, from the site folder (two
// folders up from INDEX_JS) at their address resolved against LOCATION_HREF; loaded lists them.
'use strict';
const fs = require('fs');
const vm = require('vm');

const [indexPath, scriptPath, href, lang, docsDelay, earlyQuery] = process.argv.slice(2);

class Node {
  constructor(name) {
    this.name = name;
    this.children = [];
    this.attributes = {};
    this.dataset = {};
    this.listeners = {};
    this.text = '';
    this.hidden = false;
    this.className = '';
  }
  appendChild(child) { this.children.push(child); return child; }
  get textContent() { return this.name === '#text' ? this.text : this.children.map((c) => c.textContent).join(''); }
  set textContent(value) { this.children = []; this.text = String(value); if (this.name !== '#text' && value !== '') { this.children.push(textNode(value)); } }
  get innerHTML() { throw new Error('innerHTML read'); }
  set innerHTML(value) { throw new Error('innerHTML written: ' + value); }
  addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
  fire(type) {
    const event = { type, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    (this.listeners[type] || []).forEach((fn) => fn(event));
    return event;
  }
  outline() {
    if (this.name === '#text') { return this.text; }
    const inner = this.children.map((c) => c.outline()).join('');
    return this.name === 'mark' ? '[' + inner + ']' : inner;
  }
}
function textNode(text) { const n = new Node('#text'); n.text = String(text); return n; }

const box = new Node('div');
Object.assign(box.dataset, { root: '../', results: lang.startsWith('zh') ? '搜索结果' : 'Results',
  noResults: lang.startsWith('zh') ? '没有找到相关文章。' : 'No articles match.',
  loading: lang.startsWith('zh') ? '正在加载文章……' : 'Loading the articles…' });
const parts = {
  form: new Node('form'),
  // a text input drops line breaks from what it is given, as browsers do
  'input[name=q]': Object.defineProperty(new Node('input'), 'value', {
    get() { return this.text; },
    set(v) { this.text = String(v).replace(/[\r\n]/g, ''); }
  }),
  '.search-results': Object.assign(new Node('section'), { hidden: true }),
  '.search-status': new Node('p'),
  '.search-list': new Node('ol')
};
box.querySelector = (selector) => parts[selector] || null;
const path = require('path');
const site = path.dirname(path.dirname(path.resolve(indexPath)));
const siteUrl = new URL('../', href);
const loaded = [];
let pending = 0;
const head = new Node('head');
head.appendChild = (script) => {
  const url = new URL(script.src, href);
  pending++;
  setTimeout(() => {
    pending--;
    const file = path.join(site, decodeURIComponent(url.pathname.slice(siteUrl.pathname.length)));
    if (!url.href.startsWith(siteUrl.href) || !fs.existsSync(file)) {
      script.onerror();
      return;
    }
    vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
    loaded.push(url.href);
    script.onload();
  }, url.pathname.includes('/search/docs/') ? Number(docsDelay || 1) : 1);
  return script;
};
const document = {
  head,
  documentElement: { lang },
  getElementById: (id) => (id === 'search' ? box : null),
  createElement: (name) => new Node(name),
  createTextNode: textNode
};
const replaced = [];
const window = {
  document,
  location: { href, search: new URL(href).search },
  history: { replaceState: (state, title, url) => replaced.push(url) },
  setTimeout, clearTimeout, URL, URLSearchParams
};
window.window = window;
const context = vm.createContext(window);
if (fs.existsSync(indexPath)) {
  vm.runInContext(fs.readFileSync(indexPath, 'utf8'), context, { filename: indexPath });
}
vm.runInContext(fs.readFileSync(scriptPath, 'utf8'), context, { filename: scriptPath });
if (earlyQuery !== undefined) {
  setTimeout(() => {
    parts['input[name=q]'].value = earlyQuery;
    parts['input[name=q]'].fire('input');
  }, 10);
}

function seen() {
  return {
    hidden: parts['.search-results'].hidden,
    status: parts['.search-status'].textContent,
    input: parts['input[name=q]'].value,
    results: parts['.search-list'].children.map((li) => ({
      lang: li.lang,
      href: li.children[0].children[0].href,
      title: li.children[0].children[0].textContent,
      date: li.children.length > 2 ? li.children[1].children[0].textContent : '',
      snippet: li.children[li.children.length - 1].outline()
    }))
  };
}

/** Calls then once no script has been loading for 20 ms (and at least `wait` ms from now). */
function settled(wait, then) {
  let quiet = 0;
  const check = () => {
    quiet = pending === 0 ? quiet + 5 : 0;
    if (quiet >= 20) { then(); } else { setTimeout(check, 5); }
  };
  setTimeout(check, wait);
}

const steps = { shown: seen() };
settled(0, () => {
  steps.loaded = seen();
  steps.scripts = loaded.slice();
  parts['input[name=q]'].value = 'xyzzy';
  parts['input[name=q]'].fire('input');
  settled(200, () => { // past search.js's 120 ms pause after typing
    steps.typed = seen();
    parts['input[name=q]'].value = '';
    steps.submitPrevented = parts.form.fire('submit').defaultPrevented;
    steps.cleared = seen();
    steps.replaced = replaced;
    process.stdout.write(JSON.stringify(steps));
  });
});
