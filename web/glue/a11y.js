// web/glue/a11y.js: the DOM mirror of the semantics tree (core/ui/a11y.h), so that screen readers, switch
// and voice control, Tab, and tests by role reach what ImGui draws on the canvas. C++ hands over the tree
// (JSON, only when it changed) on frames it draws anyway; this diffs it by id: one element with an ARIA
// role per node, placed over its rectangle (touch screen readers explore by touch), invisible (opacity 0,
// no pointer events: the mouse still reaches the canvas) but read by assistive technology. A dialog is
// aria-modal and makes the rest inert. Focus goes both ways (toward_a11y_focus, and the tree's focus id);
// a click or Enter/Space on an element presses its item once (toward_a11y_activate). The polite live
// region says "Saved", timer phases, locking and page changes (announce). The DOM text fields
// (text_fields.js) are the textboxes. Included with --pre-js after text_fields.js; adds TowardGlue.a11y.
'use strict';

(function (glue) {
  const FOCUSABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, switch: 1, slider: 1 };
  const PRESSABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, switch: 1 };

  function call(name, id) {
    if (Module['_' + name]) Module['_' + name](id >>> 0);
  }

  const a11y = {
    els: new Map(),   // node id -> element
    keys: new Map(),  // node id -> the node last applied (to touch only what changed)
    focusId: 0,       // ImGui's keyboard focus in the last tree
    root() { return glue.$('a11y-tree'); },

    // A new tree from C++ (core/ui/a11y_tree.h toJson): elements made, changed, moved or removed.
    update(json) {
      const root = this.root();
      if (!root) return;
      const tree = JSON.parse(json);
      const seen = new Set();
      const children = new Map();  // parent element -> its children in order
      children.set(root, []);
      let dialog = null;
      for (let k = 0; k < tree.n.length; k++) {
        const n = tree.n[k];
        if (n.r === 'textbox') continue;  // the DOM text field over it is the textbox
        seen.add(n.i);
        let el = this.els.get(n.i);
        if (el && el.getAttribute('data-role') !== n.r) { this.drop(n.i, el); el = null; }
        if (!el) { el = this.make(n); this.els.set(n.i, el); }
        const was = this.keys.get(n.i);
        if (!was || was.n !== n.n || was.l !== n.l || was.v !== n.v || was.c !== n.c || was.e !== n.e || was.s !== n.s ||
            was.d !== n.d || was.k !== n.k) {
          this.apply(el, n);
        } else {
          this.place(el, n, was);  // only moved (scrolling): only what moved is written
        }
        this.keys.set(n.i, n);
        const parent = (n.p && this.els.get(n.p)) || root;
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(el);
        if (n.r === 'dialog') dialog = el;
      }
      for (const entry of Array.from(this.els.entries())) {
        if (!seen.has(entry[0])) this.drop(entry[0], entry[1]);
      }
      children.forEach((list, parent) => {
        for (let k = 0; k < list.length; k++) {
          if (parent.children[k] !== list[k]) parent.insertBefore(list[k], parent.children[k] || null);
        }
      });
      // A dialog: everything else in the mirror is inert while it shows.
      for (let k = 0; k < root.children.length; k++) {
        const child = root.children[k];
        child.inert = !!dialog && !child.contains(dialog);
      }
      this.follow(tree.f);
      this.placeRing();
    },

    // A chart's numbers: a caption (its summary) and rows of tab-separated cells, the first row the heads.
    fillTable(el, n) {
      el.textContent = '';
      const caption = document.createElement('caption');
      caption.textContent = n.n;
      el.appendChild(caption);
      const lines = (n.v || '').split('\n').filter((l) => l.length);
      for (let r = 0; r < lines.length; r++) {
        const tr = document.createElement('tr');
        const cells = lines[r].split('\t');
        for (let c = 0; c < cells.length; c++) {
          const cell = document.createElement(r === 0 || c === 0 ? 'th' : 'td');
          if (r === 0 && c > 0) cell.scope = 'col';
          if (r > 0 && c === 0) cell.scope = 'row';
          cell.textContent = cells[c];
          tr.appendChild(cell);
        }
        el.appendChild(tr);
      }
    },

    make(n) {
      const tag = n.r === 'paragraph' ? 'p' : n.r === 'table' ? 'table' : 'div';
      const el = document.createElement(tag);
      el.className = 'a11y-node';
      el.setAttribute('data-role', n.r);
      el.setAttribute('data-id', String(n.i));
      if (n.r !== 'paragraph' && n.r !== 'status' && n.r !== 'table') el.setAttribute('role', n.r);
      if (FOCUSABLE[n.r]) {
        el.tabIndex = 0;
        el.addEventListener('focus', () => { this.placeRing(); call('toward_a11y_focus', n.i); });
        el.addEventListener('blur', () => this.placeRing());
        el.addEventListener('click', () => { if (el.getAttribute('aria-disabled') !== 'true') call('toward_a11y_activate', n.i); });
        el.addEventListener('keydown', (e) => this.onKey(e, el));
      }
      return el;
    },

    place(el, n, was) {
      const s = el.style;
      if (!was || was.x !== n.x) s.left = n.x + 'px';
      if (!was || was.y !== n.y) s.top = n.y + 'px';
      if (!was || was.w !== n.w) s.width = Math.max(1, n.w) + 'px';
      if (!was || was.h !== n.h) s.height = Math.max(1, n.h) + 'px';
    },

    apply(el, n) {
      this.place(el, n, null);
      // Groups and images are named by aria-label (an image's content is not read).
      const group = n.r === 'list' || n.r === 'tablist' || n.r === 'dialog' || n.r === 'group' || n.r === 'img';
      if (n.r === 'table') {
        this.fillTable(el, n);
      } else if (group) {
        if (n.n) el.setAttribute('aria-label', n.n); else el.removeAttribute('aria-label');
      } else if (el.textContent !== n.n) {
        el.textContent = n.n;
      }
      if (n.r === 'heading') el.setAttribute('aria-level', String(n.l || 2));
      if (n.r === 'dialog') el.setAttribute('aria-modal', 'true');
      if (n.r === 'slider') {
        const num = parseFloat(n.v);
        el.setAttribute('aria-valuenow', String(isNaN(num) ? 0 : num));
        if (n.v) el.setAttribute('aria-valuetext', n.v);
      }
      this.state(el, 'aria-checked', n.c);
      this.state(el, 'aria-expanded', n.e);
      this.state(el, n.r === 'button' ? 'aria-pressed' : 'aria-selected', n.s);
      if (n.d) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
      if (n.k) el.setAttribute('data-cancel', '1'); else el.removeAttribute('data-cancel');
    },

    state(el, attr, v) {
      if (v === undefined) el.removeAttribute(attr);
      else el.setAttribute(attr, v ? 'true' : 'false');
    },

    drop(id, el) {
      const hadFocus = el.contains(document.activeElement);
      el.remove();
      this.els.delete(id);
      this.keys.delete(id);
      // The focused control went away (its page changed): keyboard focus goes back to the app.
      if (hadFocus) glue.$('canvas').focus({ preventScroll: true });
    },

    // ImGui moved its keyboard focus: the DOM's follows, unless a text field or the page outside has it.
    follow(id) {
      if (id === this.focusId) return;
      this.focusId = id;
      const el = id && this.els.get(id);
      if (!el || el === document.activeElement) return;
      const active = document.activeElement;
      if (!active || active === document.body || active === glue.$('canvas') || this.root().contains(active)) {
        el.focus({ preventScroll: true });
      }
    },

    onKey(e, el) {
      const role = el.getAttribute('data-role');
      if ((e.key === 'Enter' || e.key === ' ') && PRESSABLE[role]) {
        e.preventDefault();
        el.click();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        const dialog = el.closest('[role="dialog"]');
        const cancel = dialog && dialog.querySelector('[data-cancel]');
        if (cancel) cancel.click(); else call('toward_a11y_escape', 0);
      } else if (role === 'tab' && /^(Arrow(Left|Right|Up|Down)|Home|End)$/.test(e.key)) {
        // Arrows move between the tabs of a tab list.
        const tabs = Array.from(el.parentNode.querySelectorAll(':scope > [role="tab"]'));
        const at = tabs.indexOf(el);
        let to = at + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
        if (e.key === 'Home') to = 0;
        if (e.key === 'End') to = tabs.length - 1;
        const next = tabs[(to + tabs.length) % tabs.length];
        if (next) { e.preventDefault(); next.focus(); }
      }
      e.stopPropagation();
    },

    // The visible focus ring over the focused control (the mirror itself is invisible).
    placeRing() {
      const ring = glue.$('a11y-ring');
      if (!ring) return;
      const el = document.activeElement;
      if (!el || !this.root().contains(el)) { ring.hidden = true; return; }
      ring.hidden = false;
      ring.style.left = el.style.left;
      ring.style.top = el.style.top;
      ring.style.width = el.style.width;
      ring.style.height = el.style.height;
    },

    // Tab from the canvas (or the page) enters the mirror: the first control, or the last with Shift.
    enterFromCanvas(e) {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== glue.$('canvas')) return;
      const all = this.root().querySelectorAll('[tabindex="0"]:not([aria-disabled="true"])');
      const usable = Array.from(all).filter((x) => !x.closest('[inert]'));
      if (!usable.length) return;
      e.preventDefault();
      e.stopPropagation();
      usable[e.shiftKey ? usable.length - 1 : 0].focus();
    },

    // Words for the polite live region, each said once.
    announce(words) {
      const live = glue.$('a11y-live');
      if (!live || !words) return;
      const p = document.createElement('p');
      p.textContent = words;
      live.appendChild(p);
      while (live.children.length > 3) live.removeChild(live.firstChild);
    },
  };

  window.addEventListener('keydown', (e) => a11y.enterFromCanvas(e), true);
  glue.a11y = a11y;
})(TowardGlue);
