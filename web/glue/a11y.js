// web/glue/a11y.js: the DOM mirror of the semantics tree (core/ui/a11y.h), so that screen readers, switch
// and voice control, Tab, and tests by role reach what ImGui draws on the canvas. C++ hands over only what
// changed (core/ui/a11y_delta.h), on frames it draws anyway: one element with an ARIA role per node,
// placed over its rectangle by a transform (touch screen readers explore by touch; a scrolling list lays
// out nothing), invisible (opacity 0, no pointer events: the mouse still reaches the canvas) but read by
// assistive technology. A list's rows sit in listitems. A dialog is aria-modal and makes the rest inert.
// Focus goes both ways (toward_a11y_focus, and the tree's focus id); a click or Enter/Space on an element
// presses its item once (toward_a11y_activate). The polite live region says "Saved", timer phases, locking
// and page changes (announce). The DOM text fields (text_fields.js) are the textboxes; their nodes keep
// their place, so Tab walks fields and controls in drawn order. Included with --pre-js after
// text_fields.js; adds TowardGlue.a11y.
'use strict';

(function (glue) {
  const FOCUSABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, switch: 1, slider: 1 };
  const PRESSABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, switch: 1 };
  const MOVE_SETTLE_MS = 50;
  const LOST_KEPT_MS = 3000;   // how long refocus keeps looking for where to carry on after the focus went away
  const RECENT_KEPT = 8;   // how many of the nodes the person was on refocus remembers
  // Groups hold other nodes: placed by left/top (a transform would make them the frame of their fixed children).
  const GROUP = { list: 1, tablist: 1, dialog: 1, group: 1, radiogroup: 1 };
  // What a slider's keys do (the keys screen readers send for "increase"/"decrease"): a step, or a page
  // (a tenth of its range, at least 1); Home and End go to its ends.
  const SLIDER_STEP = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
  const SLIDER_PAGE = { PageUp: 1, PageDown: -1 };

  function call(name, id) {
    if (Module['_' + name]) Module['_' + name](id >>> 0);
  }

  const a11y = {
    els: new Map(),   // node id -> element
    keys: new Map(),  // node id -> the node as C++ last said (its rectangle may be ahead of the element's)
    stale: new Set(), // ids of nodes that moved and wait to be placed (placeStale)
    settleTimer: 0,
    settled: [],      // the bench: ms each placeStale took
    focusId: 0,       // ImGui's keyboard focus in the last tree
    pointerMode: false,   // the last input was the pointer (a mouse, a finger): no ring until a key (placeRing)
    dialogEl: null,   // the dialog open in the last tree (a new one takes the focus: focusInto)
    dialogPending: false,   // ... which it has not taken yet
    moreFrom: null,   // a "Show more" button was pressed: where the reading goes on (readOn)
    resumeAt: null,   // Escape left a field: its node, where the next Tab from the canvas goes on (onTab)
    lost: null,       // the focused element went away in this update: where it stood (refocus)
    lostIn: 0,        // ... and the group it was in (a dialog, a card, a list), 0: none
    recent: [],       // ids of the nodes the person was on last (focused or pressed), the newest last (refocus)
    pressed: [],      // ids of the nodes the person pressed last, the newest last (refocus)
    pressedNav: '',   // the page shown (its tab's name) when the last one was pressed
    root() { return glue.$('a11y-tree'); },

    // What changed in the tree (core/ui/a11y_delta.h): "u" nodes new or changed, "m" nodes that only moved
    // ([id, x, y, w, h, ...]), "o" every node in order when that changed, "f" ImGui's keyboard focus.
    // Only writes: nothing here reads layout, so the browser works out the mirror's styles once, after.
    update(json) {
      const root = this.root();
      if (!root) return;
      const t = JSON.parse(json);
      const u = t.u || [];
      const created = new Set();
      for (let k = 0; k < u.length; k++) {
        const n = u[k];
        let el = this.els.get(n.i);
        if (el && (el.getAttribute('data-role') !== n.r || !el.towardWrap !== !n.li)) { this.drop(n.i, el); el = null; }
        if (!el) { el = this.make(n); this.els.set(n.i, el); created.add(n.i); }
        this.apply(el, n);
        this.keys.set(n.i, n);
      }
      // Moves wait until the nodes stop moving (a list scrolling moves every row on every frame, and
      // restyling them all each frame cost more than the rest of the tree): placed MOVE_SETTLE_MS after
      // the last one, on a timer (no frame is drawn for it). The focused control follows at once.
      const m = t.m || [];
      const active = document.activeElement;
      for (let k = 0; k + 4 < m.length; k += 5) {
        const n = this.keys.get(m[k]);
        if (!n) continue;
        n.x = m[k + 1]; n.y = m[k + 2]; n.w = m[k + 3]; n.h = m[k + 4];
        const el = this.els.get(m[k]);
        if (el === active) this.place(el, n); else this.stale.add(m[k]);
      }
      if (this.stale.size) {
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.placeStale(), MOVE_SETTLE_MS);
      }
      if (t.o) this.arrange(root, t.o);
      this.follow(t.f);
      if (this.lost) this.refocus(created);
      if (this.moreFrom) this.readOn();
      this.placeRing();
      if (this.flushLayout) root.getBoundingClientRect();  // the bench: style and layout counted here
    },

    // Nodes that moved while the page was moving are placed where they are now.
    placeStale() {
      const started = performance.now();
      this.stale.forEach((id) => {
        const el = this.els.get(id);
        if (el) this.place(el, this.keys.get(id));
      });
      this.stale.clear();
      this.placeRing();
      if (this.flushLayout) {
        // The bench (towardTest.a11yEnabled): style and layout counted, with the time it took.
        this.root().getBoundingClientRect();
        this.settled.push(performance.now() - started);
      }
    },

    // The set or order of nodes changed: elements gone are removed, the rest put in order in their groups.
    arrange(root, order) {
      const seen = new Set(order);
      for (const entry of Array.from(this.els.entries())) {
        if (!seen.has(entry[0])) this.drop(entry[0], entry[1]);
      }
      const children = new Map();  // parent element -> its children in order
      children.set(root, []);
      let dialog = null;
      for (let k = 0; k < order.length; k++) {
        const el = this.els.get(order[k]);
        if (!el) continue;
        const n = this.keys.get(order[k]);
        const parent = (n.p && this.els.get(n.p)) || root;
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(el.towardWrap || el);
        if (n.r === 'dialog') dialog = el;
      }
      children.forEach((list, parent) => {
        for (let k = 0; k < list.length; k++) {
          if (parent.children[k] !== list[k]) parent.insertBefore(list[k], parent.children[k] || null);
        }
      });
      // A dialog: everything else in the mirror is inert while it shows.
      for (let k = 0; k < root.children.length; k++) {
        const child = root.children[k];
        const inert = !!dialog && !child.contains(dialog);
        if (child.inert !== inert) child.inert = inert;
      }
      // (A popup's first frame may hold none of its controls yet: the focus goes in when they come.)
      if (dialog !== this.dialogEl) {
        this.dialogEl = dialog;
        this.dialogPending = !!dialog;
      }
      if (this.dialogPending && this.focusInto(dialog)) this.dialogPending = false;
    },

    // A dialog that just opened takes the keyboard focus, as a dialog does (a screen reader then reads it),
    // however it was opened: a click leaves the focus on the canvas. A question ("Delete this for good?":
    // every confirming dialog is named by its question) focuses its safe answer (Keep it, Cancel), so an
    // Enter pressed by habit changes nothing; any other dialog (the way out's choices) its first control.
    // A text field being typed in keeps the focus.
    // True once settled: the focus is in the dialog, or stays in a text field; false while it has no control yet.
    focusInto(dialog) {
      const active = document.activeElement;
      if (dialog.contains(active)) return true;
      if (active && active !== document.body && active !== glue.$('canvas') && !this.root().contains(active)) return true;
      const question = /\?$/.test(dialog.getAttribute('aria-label') || '');
      const target = (question && dialog.querySelector('[data-cancel]:not([aria-disabled="true"])')) ||
        dialog.querySelector('[tabindex="0"]:not([aria-disabled="true"])');
      if (!target) return false;
      target.focus({ preventScroll: true });
      return true;
    },

    // The first node in reading order (the last, `backwards`) that `wanted(id)` accepts and a reader can be
    // put on: a control, a text (given tabindex -1 for it) or a field; not a group, a status or a
    // "Show more" button. Focused; false when there is none.
    focusFirst(wanted, backwards) {
      const all = Array.from(this.root().querySelectorAll('.a11y-node'));
      if (backwards) all.reverse();
      for (let k = 0; k < all.length; k++) {
        const el = all[k];
        const role = el.getAttribute('data-role');
        if (!wanted(Number(el.getAttribute('data-id'))) || el.towardGroup || role === 'status' || el.hasAttribute('data-more') ||
            el.closest('[inert]') || el.getAttribute('aria-disabled') === 'true') continue;
        const target = role === 'textbox' ? (glue.text && glue.text.fields.get(el.getAttribute('data-field')) || {}).el : el;
        if (!target) continue;
        if (!target.hasAttribute('tabindex') && target.tagName !== 'TEXTAREA' && target.tagName !== 'INPUT') target.tabIndex = -1;
        target.focus({ preventScroll: true });
        return true;
      }
      return false;
    },

    // After "Show more below" (or above): the reading goes on at the first node that came into view (the
    // last, going up), focused so that a screen reader's cursor is there.
    readOn() {
      const more = this.moreFrom;
      if (performance.now() > more.until || this.focusFirst((id) => !more.known.has(id), more.dir < 0)) this.moreFrom = null;
    },

    // The focused control went away (a dialog closed, a card was answered, a step of the page changed): the
    // keyboard and a screen reader carry on from where the person was, not from the top of the page.
    // - When the group it was in went with it (a dialog, the check-in card): the page a choice of it opened;
    //   else back to the last control the person pressed that is still there (the one that opened the dialog,
    //   or where they started), else the last one they were on.
    // - Else (a step of the page changed): the control ImGui's own focus went back to, if the person was on it
    //   a moment ago (ImGui may also fall back to a control of another window, which they never were on);
    //   else the first thing that came in its place (its heading first: the next step's, a new page's).
    // - Else the last control they were on that is still there; else the control nearest to where it stood.
    refocus(created) {
      const lost = this.lost;
      const groupWent = lost.groupWent || (this.lostIn && !this.els.has(this.lostIn));
      this.lost = null;
      this.lostIn = 0;
      const active = document.activeElement;
      if (active && active !== document.body && active !== glue.$('canvas')) return;
      if (groupWent && !lost.force && this.pageShown() === this.pressedNav) {
        // A dialog's choice that opens another page shows it a frame or two later: looked at again then (at the
        // latest after 150 ms, when no page comes).
        lost.groupWent = true;
        this.lost = lost;
        if (!lost.deferred) setTimeout(() => { if (this.lost === lost) { lost.force = true; this.refocus(new Set()); } }, 150);
        lost.deferred = true;
        return;
      }
      const backToRecent = () => {
        for (let k = this.recent.length - 1; k >= 0; k--) if (this.focusNode(this.recent[k])) return true;
        return false;
      };
      const backToPressed = () => {
        for (let k = this.pressed.length - 1; k >= 0; k--) if (this.focusNode(this.pressed[k])) return true;
        return false;
      };
      const nav = Module._toward_a11y_nav_id ? Module._toward_a11y_nav_id() >>> 0 : 0;
      // What came in the focus's place: its heading first (a new page's title, a next step's heading: said
      // first, and nothing happens on an Enter there), else its first node.
      const toCreated = () => created.size > 0 && (this.focusFirst((id) => created.has(id) && this.isHeading(id), false) ||
        this.focusFirst((id) => created.has(id), false));
      if (groupWent) {
        // A dialog's choice that opened another page: that page. Else back to the last control the person pressed
        // that is still there (where they started: "A feeling is here"), before those Tab only passed over
        // ("Hide", passed on the way to the dialog's opener: the next Enter hid Toward).
        const page = this.pageShown();
        if (this.pressedNav && page && page !== this.pressedNav && toCreated()) return;
        if (backToPressed() || backToRecent()) return;
      }
      if (nav && this.recent.indexOf(nav) >= 0 && this.focusNode(nav)) return;
      if (toCreated()) return;
      if (backToRecent()) return;
      let best = null, bestDistance = Infinity;
      this.stops().forEach((el) => {
        const at = el.towardAt;
        if (!at) return;
        const d = Math.hypot(at.x - lost.x, at.y - lost.y);
        if (d < bestDistance) { best = el; bestDistance = d; }
      });
      if (best) best.focus({ preventScroll: true });
      // Nothing to carry on at yet (the unlock's opening screen holds only its progress): the next updates
      // look again, for a little while, as what comes in its place arrives.
      else if (performance.now() - (lost.since || 0) < LOST_KEPT_MS) this.lost = lost;
    },

    // The person pressed node `id` (a click, Enter or Space): remembered apart, with the page it was on.
    notePressed(id) {
      const at = this.pressed.indexOf(id);
      if (at >= 0) this.pressed.splice(at, 1);
      this.pressed.push(id);
      if (this.pressed.length > RECENT_KEPT) this.pressed.shift();
      this.pressedNav = this.pageShown();
    },

    // The page shown, as its selected tab in the mirror says ("" when none is).
    pageShown() {
      const tab = this.root().querySelector('[role="tab"][aria-selected="true"]');
      return tab ? tab.getAttribute('aria-label') || tab.textContent : '';
    },

    isHeading(id) {
      const el = this.els.get(id);
      return !!el && el.getAttribute('data-role') === 'heading';
    },

    // The person is on node `id` (focused or pressed): remembered for refocus, the newest last.
    note(id) {
      const at = this.recent.indexOf(id);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.push(id);
      if (this.recent.length > RECENT_KEPT) this.recent.shift();
    },

    // Focuses node `id` when it is still there and can take the focus (a control, or a text field's
    // DOM field); false otherwise.
    focusNode(id) {
      const el = this.els.get(id);
      if (!el || !el.isConnected || el.closest('[inert]') || el.getAttribute('aria-disabled') === 'true') return false;
      const target = el.getAttribute('data-role') === 'textbox'
        ? (glue.text && glue.text.fields.get(el.getAttribute('data-field')) || {}).el : (el.tabIndex === 0 ? el : null);
      if (!target || !target.isConnected || target.hidden) return false;
      target.focus({ preventScroll: true });
      return document.activeElement === target;
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
          // The empty corner is a plain cell (a header with no words names nothing).
          const head = (r === 0 || c === 0) && cells[c] !== '';
          const cell = document.createElement(head ? 'th' : 'td');
          if (head && r === 0) cell.scope = 'col';
          if (head && r > 0) cell.scope = 'row';
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
      el.towardGroup = !!GROUP[n.r];
      if (n.r === 'textbox') {
        // Only a place in the order: the DOM text field (text_fields.js, key in n.v) is the textbox, which
        // this place owns (apply), so a screen reader finds it here: in its dialog, among its neighbours.
        return el;
      }
      if (n.r !== 'paragraph' && n.r !== 'status' && n.r !== 'table') el.setAttribute('role', n.r);
      if (n.li) {
        // A row of a list: the control inside a listitem (a listitem itself cannot be pressed or selected).
        el.towardWrap = document.createElement('div');
        el.towardWrap.setAttribute('role', 'listitem');
        el.towardWrap.appendChild(el);
      }
      if (FOCUSABLE[n.r]) {
        // A "Show more" button is for a screen reader's reading cursor, not a Tab stop (Tab reveals as it goes).
        el.tabIndex = n.sc ? -1 : 0;
        if (n.sc) el.setAttribute('data-more', n.sc > 0 ? 'below' : 'above');
        // After the pointer, ImGui takes the focus without drawing its ring either (as a text field's); the
        // next key draws it (pointerMode, the keydown listener).
        el.addEventListener('focus', () => { this.note(n.i); this.placeRing(); call(this.pointerMode ? 'toward_a11y_field_focus' : 'toward_a11y_focus', n.i); });
        el.addEventListener('blur', () => this.placeRing());
        el.addEventListener('click', () => {
          if (el.getAttribute('aria-disabled') === 'true') return;
          this.note(n.i);
          this.notePressed(n.i);
          if (n.sc) this.moreFrom = { dir: n.sc, known: new Set(this.els.keys()), until: performance.now() + 2000 };
          // A "Call" or "Text" link: the real tel:/sms: link laid over its button (web/glue/links.js).
          const now = this.keys.get(n.i);
          if (n.r === 'link' && now && now.v && typeof TowardLinks !== 'undefined' && TowardLinks.open(now.v)) return;
          call('toward_a11y_activate', n.i);
        });
        el.addEventListener('keydown', (e) => this.onKey(e, el));
        el.towardKeys = true;
      }
      return el;
    },

    // Over its rectangle: moved by a transform (no layout of the page), sized only when the size changed;
    // el.towardAt is where it stands.
    place(el, n) {
      const s = el.style;
      const was = el.towardAt;
      el.towardAt = { x: n.x, y: n.y, w: n.w, h: n.h };
      this.stale.delete(n.i);
      if (el.towardGroup) {
        if (!was || was.x !== n.x) s.left = n.x + 'px';
        if (!was || was.y !== n.y) s.top = n.y + 'px';
      } else if (!was || was.x !== n.x || was.y !== n.y) {
        s.transform = 'translate(' + n.x + 'px,' + n.y + 'px)';
      }
      if (!was || was.w !== n.w) s.width = Math.max(1, n.w) + 'px';
      if (!was || was.h !== n.h) s.height = Math.max(1, n.h) + 'px';
    },

    apply(el, n) {
      this.place(el, n);
      // Groups, images, sliders and progress bars are named by aria-label (their content is not their name).
      const group = n.r === 'list' || n.r === 'tablist' || n.r === 'dialog' || n.r === 'group' || n.r === 'radiogroup' || n.r === 'img' ||
        n.r === 'slider' || n.r === 'progressbar';
      if (n.r === 'textbox') {
        el.setAttribute('data-field', n.v || '');
        // The field stays in the text layer (where it is placed over the canvas); aria-owns puts it here
        // for assistive technology. A dialog's field is then in the dialog, which is aria-modal.
        const field = glue.text && glue.text.fields.get(n.v || '');
        if (field && el.getAttribute('aria-owns') !== field.el.id) el.setAttribute('aria-owns', field.el.id);
        return;
      } else if (n.r === 'table') {
        this.fillTable(el, n);
      } else if (group) {
        if (n.n) el.setAttribute('aria-label', n.n); else el.removeAttribute('aria-label');
      } else if (el.textContent !== n.n) {
        el.textContent = n.n;
      }
      if (n.r === 'heading') el.setAttribute('aria-level', String(n.l || 2));
      if (n.r === 'dialog') el.setAttribute('aria-modal', 'true');
      if (n.r === 'slider' || n.r === 'progressbar') {
        // Its number and range (a progress bar's is 0-100, read as a percentage).
        el.setAttribute('aria-valuenow', String(n.vn || 0));
        el.setAttribute('aria-valuemin', String(n.lo || 0));
        el.setAttribute('aria-valuemax', String(n.hi === undefined ? 100 : n.hi));
      }
      if (n.r === 'slider') {
        // The words the app shows for it ("50: unsettled").
        if (n.v) el.setAttribute('aria-valuetext', n.v); else el.removeAttribute('aria-valuetext');
        el.towardAsked = undefined;  // the slider has its value: the next key counts from it
      }
      this.state(el, 'aria-checked', n.c);
      this.state(el, 'aria-expanded', n.e);
      this.state(el, n.r === 'button' ? 'aria-pressed' : 'aria-selected', n.s);
      if (n.d) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
      if (n.ds) el.setAttribute('aria-description', n.ds); else el.removeAttribute('aria-description');
      if (n.k) el.setAttribute('data-cancel', '1'); else el.removeAttribute('data-cancel');
    },

    state(el, attr, v) {
      if (v === undefined) el.removeAttribute(attr);
      else el.setAttribute(attr, v ? 'true' : 'false');
    },

    drop(id, el) {
      const hadFocus = el.contains(document.activeElement);
      const group = hadFocus && (el.towardGroup ? el : el.parentElement && el.parentElement.closest('.a11y-node'));
      if (el.towardWrap) el.towardWrap.remove(); else el.remove();
      this.els.delete(id);
      this.keys.delete(id);
      this.stale.delete(id);
      // The focused control went away (its page changed): keyboard focus goes back to the app, until the
      // end of this update finds where to carry on (refocus).
      if (hadFocus) {
        const at = el.towardAt || { x: 0, y: 0 };
        this.lost = { x: at.x, y: at.y, since: performance.now() };
        this.lostIn = group ? Number(group.getAttribute('data-id')) : 0;
        glue.$('canvas').focus({ preventScroll: true });
      }
    },

    // A DOM text field that had the keys went away (web/glue/text_fields.js endFrame), its box at `at`: as
    // for a control (drop), the keys go to the canvas until the end of the next update finds where to carry
    // on (refocus).
    fieldGone(at) {
      this.lost = { x: at ? at.left : 0, y: at ? at.top : 0, since: performance.now() };
      this.lostIn = 0;
      const canvas = glue.$('canvas');
      if (canvas && (document.activeElement === document.body || !document.activeElement)) canvas.focus({ preventScroll: true });
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
      } else if (role === 'slider' && (SLIDER_STEP[e.key] || SLIDER_PAGE[e.key] || e.key === 'Home' || e.key === 'End')) {
        e.preventDefault();
        this.moveSlider(el, e.key);
      } else if ((role === 'tab' || role === 'radio') && /^(Arrow(Left|Right|Up|Down)|Home|End)$/.test(e.key)) {
        // Arrows move between the tabs of a tab list, and between the choices of a radio group, where the
        // choice moved to is chosen (as a radio group's arrows do everywhere).
        const group = el.closest(role === 'tab' ? '[role="tablist"]' : '[role="radiogroup"]') || el.parentNode;
        const items = Array.from(group.querySelectorAll('[role="' + role + '"]'));
        const at = items.indexOf(el);
        let to = at + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
        if (e.key === 'Home') to = 0;
        if (e.key === 'End') to = items.length - 1;
        const next = items.length > 1 ? items[(to + items.length) % items.length] : null;
        if (next) {
          e.preventDefault();
          next.focus();
          if (role === 'radio' && next.getAttribute('aria-checked') !== 'true') next.click();
        }
      }
      e.stopPropagation();
    },

    // A key on a slider's element: the slider takes its next value on the next frame (toward_a11y_set_value),
    // and aria-valuenow follows with the tree. Keys pressed before that frame count from the value asked.
    moveSlider(el, key) {
      const lo = Number(el.getAttribute('aria-valuemin'));
      const hi = Number(el.getAttribute('aria-valuemax'));
      const now = el.towardAsked !== undefined ? el.towardAsked : Number(el.getAttribute('aria-valuenow'));
      let to = now + (SLIDER_STEP[key] || 0) + (SLIDER_PAGE[key] || 0) * Math.max(1, Math.floor((hi - lo) / 10));
      if (key === 'Home') to = lo;
      if (key === 'End') to = hi;
      to = Math.min(hi, Math.max(lo, to));
      if (to === now || !Module._toward_a11y_set_value) return;
      el.towardAsked = to;
      Module._toward_a11y_set_value(Number(el.getAttribute('data-id')) >>> 0, to);
    },

    // The visible focus ring over the focused control (the mirror itself is invisible).
    placeRing() {
      const ring = glue.$('a11y-ring');
      if (!ring) return;
      const el = document.activeElement;
      // Shown while the person uses the keyboard (or a screen reader): after the pointer, the focus a dialog or
      // a page change gives a control is there for the next key, not something to draw over the words
      // (as :focus-visible does; web/glue/a11y.js's pointerdown and keydown listeners set pointerMode).
      if (!el || !this.root().contains(el) || this.pointerMode) { ring.hidden = true; return; }
      ring.hidden = false;
      ring.style.transform = el.style.transform;
      ring.style.width = el.style.width;
      ring.style.height = el.style.height;
    },

    // Every Tab stop in the order it is drawn: the mirror's controls, and the DOM text fields (which live
    // in #text-layer) where their textbox nodes stand.
    // (`anchors`, when given, gets each stop's place in the mirror: the element, or a field's textbox node.)
    stops(anchors) {
      const all = this.root().querySelectorAll('[tabindex="0"]:not([aria-disabled="true"]), [data-field]');
      const out = [];
      for (let k = 0; k < all.length; k++) {
        const x = all[k];
        if (x.closest('[inert]')) continue;
        let stop = x;
        if (x.hasAttribute('data-field')) {
          const field = glue.text && glue.text.fields.get(x.getAttribute('data-field'));
          if (!field || field.wrap.hidden || field.el.disabled) continue;
          stop = field.el;
        }
        out.push(stop);
        if (anchors) anchors.push(x);
      }
      return out;
    },

    // Tab and Shift+Tab walk the stops in drawn order. From the canvas (or the page) Tab enters at the first
    // stop, or the last with Shift; past either end the browser takes Tab on (out of the page).
    onTab(e) {
      if (!isTabKey(e) || e.altKey || e.ctrlKey || e.metaKey) return;
      const active = document.activeElement;
      const outside = !active || active === document.body || active === glue.$('canvas');
      const inField = !!active && !!active.classList && active.classList.contains('field');
      if (!outside && !inField && !this.root().contains(active)) return;
      const anchors = [];
      const stops = this.stops(anchors);
      if (!stops.length) return;
      let to;
      const resume = outside && this.resumeAt && this.resumeAt.isConnected ? anchors.indexOf(this.resumeAt) : -1;
      this.resumeAt = null;
      if (resume >= 0) {
        to = resume + (e.shiftKey ? -1 : 1);
        if (to < 0 || to >= stops.length) to = e.shiftKey ? stops.length - 1 : 0;
      } else if (outside) {
        to = e.shiftKey ? stops.length - 1 : 0;
      } else {
        const at = stops.indexOf(active);
        if (at >= 0) {
          to = at + (e.shiftKey ? -1 : 1);
        } else {
          // Reading text (focused after "Show more"): the stops just after it, or just before it.
          if (!this.root().contains(active)) return;
          const after = anchors.findIndex((a) => active.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
          to = e.shiftKey ? (after < 0 ? stops.length : after) - 1 : (after < 0 ? stops.length : after);
        }
        if (to < 0 || to >= stops.length) return;
      }
      e.preventDefault();
      e.stopPropagation();
      stops[to].focus();
    },

    // The mirror's place of the field `key` (its textbox node), or null.
    fieldNode(key) {
      const root = this.root();
      return root ? root.querySelector('[data-field="' + CSS.escape(key) + '"]') : null;
    },

    // Escape left field `key` for the canvas: the next Tab or Shift+Tab goes on from its place.
    leftField(key) { this.resumeAt = this.fieldNode(key); },

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

  // Escape while nothing has focus (the focused field or control went away with its page, or a click on
  // the canvas, which keeps focus where it was) still closes the open dialog as its Back or Cancel would,
  // and the canvas takes focus, so the keys after it reach the app. Only Escape: other keys may be a
  // screen reader's own while it reads the mirror (it is not moved), and Tab enters the stops (onTab).
  a11y.onLooseKey = function (e) {
    if (e.key !== 'Escape' || e.ctrlKey || e.altKey || e.metaKey) return;
    const active = document.activeElement;
    // On a text of the mirror that the focus was put on (a step's heading, a line read on to): Escape is
    // the app's, as on a control (the timer's "I'm done for now", a dialog's cancel); the focus stays.
    if (active && this.root().contains(active) && !active.towardKeys) {
      e.preventDefault();
      const own = active.closest('[role="dialog"]');
      const ownCancel = own && own.querySelector('[data-cancel]:not([aria-disabled="true"])');
      if (ownCancel) ownCancel.click(); else call('toward_a11y_escape', 0);
      return;
    }
    if (active && active !== document.body) return;
    const dialogs = this.root().querySelectorAll('[role="dialog"]');
    const dialog = dialogs.length ? dialogs[dialogs.length - 1] : null;
    if (dialog) {
      e.preventDefault();
      const cancel = dialog.querySelector('[data-cancel]:not([aria-disabled="true"])');
      if (cancel) cancel.click(); else call('toward_a11y_escape', 0);
    }
    const canvas = glue.$('canvas');
    if (canvas) canvas.focus({ preventScroll: true });
  };
  // A DOM text field reached without the pointer (Tab, a screen reader) is revealed with room around it,
  // as a control's element is (toward_a11y_focus): what follows it is drawn, so the next Tab reaches it.
  // A field clicked or tapped stays where the pointer found it.
  let pointerAt = -1e9;
  // Tab, and Shift+Tab as WebKitGTK reports it: GTK's ISO_Left_Tab arrives with the key "Unidentified" (its
  // code is still "Tab"), and the browser's own Shift+Tab then skipped every text field.
  function isTabKey(e) { return e.key === 'Tab' || (e.key === 'Unidentified' && e.code === 'Tab'); }
  let canvasPressBy = '';   // the pointer type of the last press on the canvas (controlPressed)
  // Any press outside the mirror hides the ring until a key (pointerMode). A mouse or pen press on the canvas
  // also ends the keyboard's path: SDL keeps the browser from moving the focus there, so the canvas takes it
  // (from the control Tab had reached, or from the page itself: the keys that follow a click are the app's,
  // a slider's arrows say), and neither refocus (a dialog closing) nor the next Tab goes back to what Tab had
  // reached (recent, resumeAt). A touch keeps them: a screen reader's double tap (VoiceOver) lands on the
  // canvas at the control it is on.
  window.addEventListener('pointerdown', (e) => {
    pointerAt = performance.now();
    const root = a11y.root();
    if (root && root.contains(e.target)) return;   // a press a screen reader made on a mirror element
    a11y.pointerMode = true;
    a11y.placeRing();
    const canvas = glue.$('canvas');
    if (canvas && e.target === canvas) canvasPressBy = e.pointerType;
    if (!canvas || e.target !== canvas || (e.pointerType !== 'mouse' && e.pointerType !== 'pen')) return;
    a11y.recent.length = 0;
    a11y.resumeAt = null;
    a11y.lost = null;   // the keys are the click's now: refocus does not go on looking
    const active = document.activeElement;
    if (active !== canvas && (!active || active === document.body || (root && root.contains(active)))) canvas.focus({ preventScroll: true });
  }, true);
  // C++ (web/main.cpp letFieldGoAfterControlPress): the last press on the canvas took one of the app's
  // controls. A DOM text field that had the keys lets them go to the canvas, as a web page's field does when
  // another control is clicked (typing after a click on a chip went into the field last used). A touch keeps
  // them: a phone's keyboard stays up, and a screen reader's double tap lands on the canvas.
  a11y.controlPressed = function () {
    if (canvasPressBy !== 'mouse' && canvasPressBy !== 'pen') return;
    const active = document.activeElement;
    if (!active || !active.classList || !active.classList.contains('field')) return;
    const canvas = glue.$('canvas');
    if (canvas) canvas.focus({ preventScroll: true });
  };
  // A key held on the canvas when the focus leaves it (the first arrow on a slider just clicked shows its
  // ring, and the focus follows to its element) is released for ImGui: its keyup goes elsewhere.
  document.addEventListener('focusout', (e) => {
    if (e.target && e.target.id === 'canvas') call('toward_release_keys', 0);
  }, true);
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    if (!el || !el.classList || !el.classList.contains('field')) return;
    a11y.resumeAt = null;
    const fields = glue.text ? glue.text.fields : null;
    let key = null;
    if (fields) fields.forEach((f, k) => { if (f.el === el) key = k; });
    const node = key === null ? null : a11y.fieldNode(key);
    if (!node) return;
    const id = Number(node.getAttribute('data-id')) >>> 0;
    a11y.note(id);
    if (Module._toward_a11y_field_focus) Module._toward_a11y_field_focus(id);
    if (performance.now() - pointerAt >= 800 && Module._toward_a11y_reveal) Module._toward_a11y_reveal(id);
  }, true);
  // A key (not a shortcut's Ctrl, Alt or Meta: copying after a click is still the pointer's way) brings the
  // ring back, on the page and in ImGui.
  const MODIFIERS = { Control: 1, Alt: 1, Meta: 1, AltGraph: 1, OS: 1 };
  window.addEventListener('keydown', (e) => {
    if (a11y.pointerMode && !e.ctrlKey && !e.altKey && !e.metaKey && !MODIFIERS[e.key]) {
      a11y.pointerMode = false;
      a11y.placeRing();
      const active = document.activeElement;
      const id = active && active.getAttribute && a11y.root().contains(active) ? Number(active.getAttribute('data-id')) >>> 0 : 0;
      if (id && active.tabIndex === 0) call('toward_a11y_focus', id);
    }
    a11y.onTab(e);
    a11y.onLooseKey(e);
  }, true);
  glue.a11y = a11y;
})(TowardGlue);
