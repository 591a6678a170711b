#!/usr/bin/python3
"""engines/webkit_profile.py: WebKitGTK on a persistent data directory, for webkit.smoke.mjs.

WebKitWebDriver's automation sessions keep no data, so the "records survive a browser restart" check
runs here instead, through Debian's PyGObject WebKit2 bindings (python3-gi, gir1.2-webkit2-4.1), under
Xvfb. Usage: webkit_profile.py DATA_DIR WIDTH HEIGHT. Reads commands, one per line, from stdin:
  open URL | reload | eval JS-EXPRESSION (may be a promise) | quit
and answers each with one line "@@ {json}" on stdout. Everything else on stdout is WebKit's own console
output (console messages, CSP and viewport reports), which the smoke test reads as errors.
"""
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

data_dir, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def answer(value=None, error=None):
    sys.stdout.write("@@ " + json.dumps({"value": value, "error": error}) + "\n")
    sys.stdout.flush()


manager = WebKit2.WebsiteDataManager(base_data_directory=data_dir + "/data", base_cache_directory=data_dir + "/cache")
context = WebKit2.WebContext.new_with_website_data_manager(manager)
view = WebKit2.WebView.new_with_context(context)
settings = view.get_settings()
settings.set_enable_write_console_messages_to_stdout(True)
settings.set_hardware_acceleration_policy(WebKit2.HardwareAccelerationPolicy.ALWAYS)
settings.set_enable_webgl(True)
window = Gtk.Window()
window.set_default_size(width, height)
window.add(view)
window.show_all()
pending = {"load": False}


def on_load(_view, event):
    if event == WebKit2.LoadEvent.FINISHED and pending["load"]:
        pending["load"] = False
        answer(True)


view.connect("load-changed", on_load)


def on_js(_view, result):
    try:
        value = view.call_async_javascript_function_finish(result)
        answer(json.loads(value.to_json(0) or "null"))
    except GLib.Error as e:
        answer(error=e.message)


def on_line(source, _condition):
    line = source.readline()
    if not line:
        Gtk.main_quit()
        return False
    cmd, _, arg = line.rstrip("\n").partition(" ")
    if cmd == "open":
        pending["load"] = True
        view.load_uri(arg)
    elif cmd == "reload":
        pending["load"] = True
        view.reload()
    elif cmd == "eval":
        view.call_async_javascript_function("return await (" + arg + ");", -1, None, None, None, None, on_js)
    elif cmd == "quit":
        answer(True)
        Gtk.main_quit()
        return False
    else:
        answer(error="unknown command " + cmd)
    return True


GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_line)
window.connect("destroy", Gtk.main_quit)
Gtk.main()
