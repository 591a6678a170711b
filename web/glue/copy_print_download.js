// web/glue/copy_print_download.js: words and files that leave the app only when the person asks: copy to
// the clipboard, print a clean page, offer a file for download. Nothing is sent anywhere. C++ calls these
// through core/platform/platform_web.cpp; rescue.js copies with copyText, and text_fields.js empties the
// print page with clearPrintPage (the vault locked, or quick hide). Included with --pre-js after storage.js.
'use strict';

(function (glue) {
  // Offers bytes (a Uint8Array, or a Blob) as a file download; the file never leaves the device otherwise.
  function download(name, mime, bytes) {
    const blob = new Blob([bytes], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // A large file handed over in parts across frames: each part is copied out of the wasm heap into a Blob of
  // its own as it comes, and the file is a Blob of those Blobs, which copies nothing again. (One Blob made
  // from the whole 13.6 MB of a backup at 10,000 records took a 30-60 ms frame.)
  let parts = [];
  function downloadPart(bytes) {
    parts.push(new Blob([bytes]));
  }
  function downloadFinish(name, mime) {
    const whole = new Blob(parts, { type: mime });
    parts = [];
    glue.download(name, mime, whole);
  }
  function downloadDrop() {
    parts = [];
  }

  // Puts words on the clipboard (the older way where the Clipboard API is missing or refuses).
  function copyText(value) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).catch(() => legacyCopy(value));
    } else {
      legacyCopy(value);
    }
  }
  function legacyCopy(value) {
    const area = document.createElement('textarea');
    area.value = value;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  // Prints a clean page of just this title and text: a print-only element (web/style.css hides everything
  // else in print), filled with textContent (never HTML), then the browser's own print dialog.
  function printPage(title, text) {
    let sheet = glue.$('print-page');
    if (!sheet) {
      sheet = document.createElement('div');
      sheet.id = 'print-page';
      document.body.appendChild(sheet);
    }
    sheet.textContent = '';
    const heading = document.createElement('h1');
    heading.textContent = title;
    const body = document.createElement('div');
    body.className = 'print-text';
    body.textContent = text;
    sheet.appendChild(heading);
    sheet.appendChild(body);
    // The words leave the page again once printing is done (and when the vault locks: clearAll()).
    window.addEventListener('afterprint', clearPrintPage, { once: true });
    window.print();
  }
  function clearPrintPage() {
    const sheet = glue.$('print-page');
    if (sheet) sheet.textContent = '';
  }

  Object.assign(glue, { copyText, printPage, clearPrintPage, download, downloadPart, downloadFinish, downloadDrop });
})(TowardGlue);
