// web/glue/links.js: real links over buttons the app drew (Platform::placeLink): an <a href="tel:...">
// or <a href="sms:..."> exactly where a "Call" or "Text" button is, so one tap on a phone opens its
// dialer or messages (the canvas cannot). Placed every frame like the text fields, inside their layer
// (so quick hide and a lock, which empty that layer, take the links away at once); one not placed in a
// frame is removed at the end of the frame. Only tel: and sms: links are ever made.
// (--pre-js: no ?., no ??, no destructuring in for-of heads.)
var TowardLinks = (function () {
  'use strict';
  const items = new Map();
  // When a link was last followed: a tel: or sms: link opens the dialer or messages and the page stays, but
  // Chromium asks "Leave site?" first (beforeunload) while words are still being saved; storage.js does not
  // ask then (the words are flushed all the same). Someone in a crisis taps "Call" once.
  let followedAt = -Infinity;

  function safeHref(href) {
    return /^(tel|sms):[+0-9*#%]+$/.test(href) ? href : '';
  }

  function place(key, href, label, x, y, w, h) {
    const layer = document.getElementById('text-layer');
    const wanted = safeHref(href);
    if (!layer || !wanted) return;
    let item = items.get(key);
    if (!item) {
      const el = document.createElement('a');
      el.className = 'call-link';
      el.rel = 'noopener';
      // The mirror's link element (web/glue/a11y.js) is the one assistive technology and Tab reach, in its
      // place in the order; it opens this one. Two of each would be read twice.
      el.setAttribute('aria-hidden', 'true');
      el.tabIndex = -1;
      // The canvas under the link must not also take the tap.
      el.addEventListener('pointerdown', function (e) { e.stopPropagation(); });
      el.addEventListener('click', function () { followedAt = performance.now(); });
      item = { el: el, placed: false };
      items.set(key, item);
    }
    if (!item.el.isConnected) layer.appendChild(item.el);
    item.placed = true;
    const el = item.el;
    if (el.getAttribute('href') !== wanted) el.setAttribute('href', wanted);
    if (el.getAttribute('aria-label') !== label) { el.setAttribute('aria-label', label); el.title = label; }
    const s = el.style;
    s.left = x + 'px'; s.top = y + 'px'; s.width = Math.max(0, w) + 'px'; s.height = Math.max(0, h) + 'px';
    el.hidden = !(w > 0 && h > 0);
  }

  function endFrame() {
    items.forEach(function (item, key) {
      if (!item.placed) { items.delete(key); item.el.remove(); } else { item.placed = false; }
    });
  }

  // Follows the link placed under `key` (a screen reader or Enter pressed its mirror element); false when
  // there is none this frame.
  function open(key) {
    const item = items.get(key);
    if (!item || item.el.hidden || !item.el.isConnected) return false;
    item.el.click();
    return true;
  }

  // True just after a call or text link was followed (its beforeunload is not the page leaving).
  function justFollowed() { return performance.now() - followedAt < 1000; }

  return { place: place, endFrame: endFrame, open: open, justFollowed: justFollowed, count: function () { return items.size; } };
})();
