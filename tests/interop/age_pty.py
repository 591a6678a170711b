#!/usr/bin/env python3
# tests/interop/age_pty.py PASSPHRASE AGE-ARGS...: runs Debian's `age` with a pseudo-terminal as its
# controlling terminal (age reads passphrases only from a terminal), typing PASSPHRASE at every
# passphrase prompt. Use age's -o for output. Prints age's terminal output to stderr; exits with age's
# exit code (124 when it hangs for more than 120 seconds).
import os, pty, select, sys, time

def main():
    passphrase = sys.argv[1].encode()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("age", ["age"] + sys.argv[2:])
    seen = b""
    deadline = time.time() + 120
    typed = 0
    while True:
        if time.time() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            sys.exit(124)
        r, _, _ = select.select([fd], [], [], 0.5)
        if fd in r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                data = b""
            if not data:
                break
            seen += data
            # Answer each new prompt once ("Enter passphrase", "Confirm passphrase").
            prompts = seen.lower().count(b"passphrase:") + seen.lower().count(b"passphrase (")
            while typed < prompts:
                os.write(fd, passphrase + b"\n")
                typed += 1
    _, status = os.waitpid(pid, 0)
    sys.stderr.write(seen.decode(errors="replace"))
    sys.exit(os.waitstatus_to_exitcode(status))

main()
