#!/usr/bin/env python3
# tests/interop/watch_created.py DIR... -- COMMAND ARGS...: runs COMMAND while watching every DIR (and the
# folders made inside them, as they appear) with Linux inotify, and prints the path of every file or folder
# created in them while it ran, one a line, even one removed again before it ended. Exits with COMMAND's
# exit code; COMMAND's own output goes to stderr. Used by tests/interop/run.sh to see that toward-cli writes nothing but what it was asked for.
import ctypes, os, select, struct, subprocess, sys

IN_CREATE, IN_MOVED_TO, IN_ISDIR, IN_NONBLOCK = 0x100, 0x80, 0x40000000, 0o4000
libc = ctypes.CDLL(None, use_errno=True)

def main():
    split = sys.argv.index("--")
    dirs, command = sys.argv[1:split], sys.argv[split + 1:]
    fd = libc.inotify_init1(IN_NONBLOCK)
    if fd < 0:
        sys.exit("inotify_init1 failed")
    watched = {}

    def watch(path):
        wd = libc.inotify_add_watch(fd, os.fsencode(path), IN_CREATE | IN_MOVED_TO)
        if wd >= 0:
            watched[wd] = path

    for d in dirs:
        watch(d)
    created = []

    def drain():
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return
            i = 0
            while i < len(data):
                wd, mask, _cookie, size = struct.unpack_from("iIII", data, i)
                name = data[i + 16:i + 16 + size].rstrip(b"\0").decode(errors="replace")
                i += 16 + size
                if not name:
                    continue   # (a watch ending: IN_IGNORED)
                path = os.path.join(watched.get(wd, "?"), name)
                created.append(path)
                if mask & IN_ISDIR:
                    watch(path)

    child = subprocess.Popen(command, stdout=sys.stderr)
    while child.poll() is None:
        select.select([fd], [], [], 0.05)
        drain()
    drain()
    for path in created:
        print(path)
    sys.exit(child.returncode)

main()
