/*
 * Kaiyuan timeline: progressive enhancement. Without JavaScript the timeline's pre-rendered
 * views (open/closed, country, organization) are the filters; with it, a box above the list
 * also narrows the releases shown as you type (name, organization, country, license), hiding
 * months and years left empty. No dependencies; text is only compared, never inserted as HTML.
 */
(function () {
  'use strict';
  var list = document.querySelector('[data-timeline]');
  if (!list) { return; }
  var label = list.getAttribute('data-filter-label') || 'Filter';
  var box = document.createElement('input');
  box.type = 'search';
  box.className = 'timeline-filter';
  box.setAttribute('aria-label', label);
  box.placeholder = label;
  list.parentNode.insertBefore(box, list);
  var releases = Array.prototype.slice.call(list.querySelectorAll('li.release'));
  var norm = function (s) { return s.normalize('NFKC').toLowerCase(); };
  var texts = releases.map(function (li) { return norm(li.textContent); });
  box.addEventListener('input', function () {
    var words = norm(box.value).split(/\s+/).filter(Boolean);
    releases.forEach(function (li, i) {
      li.hidden = !words.every(function (w) { return texts[i].indexOf(w) >= 0; });
    });
    Array.prototype.forEach.call(list.querySelectorAll('ol.releases'), function (ol) {
      var empty = !ol.querySelector('li.release:not([hidden])');
      ol.hidden = empty;
      var heading = ol.previousElementSibling;
      if (heading && heading.classList.contains('month')) { heading.hidden = empty; }
    });
    Array.prototype.forEach.call(list.querySelectorAll('section.year'), function (section) {
      section.hidden = !section.querySelector('li.release:not([hidden])');
    });
  });
})();
