#!/usr/bin/env python3
"""End-to-end keystroke latency of the real binary in a pseudo-terminal.

Types keys into `volgspot open SESSION` (a generated session, 200x60 terminal) at a fixed
interval and measures, per key, the time from writing the key to the pty until the
program's screen update has arrived (the last byte of the burst the key caused; the first
byte is reported too). Alternates a letter and Backspace, so the text does not grow.
Also reads the process's `write_bytes` from /proc/<pid>/io (bytes it sent to the disk)
and counts the saves (each atomic replace gives the session file a new inode).

For comparison the same keys go into vim (`vim -u NONE`, insert mode) and nano on a copy
of the same file, when they are installed (a reason is printed when they are skipped).

    cargo build --release
    python3 tools/latency.py                          # typical session, intake field
    python3 tools/latency.py --size large --screen synthesis --keys 300
    python3 tools/latency.py --bin /tmp/old-volgspot --no-compare

Timings on a shared machine are noisy: repeat (--repeat N) and look at the medians.
Linux only (/proc, termios).
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

ROWS, COLS = 60, 200
BACKSPACE = b"\x7f"


def spawn(argv, env, cwd):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        preexec_fn=child_setup,
        close_fds=True,
    )
    os.close(slave)
    return proc, master


def drain(fd, quiet, limit=10.0):
    """Reads until nothing arrives for `quiet` seconds; returns (bytes, first, last)."""
    data = bytearray()
    first = last = None
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        now = time.perf_counter()
        if first is None:
            first = now
        last = now
        data += chunk
        # Answer the terminal queries a full-screen program sends at start (cursor
        # position, device attributes), as a terminal would.
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        if b"\x1b[c" in chunk or b"\x1b[0c" in chunk:
            os.write(fd, b"\x1b[?1;2c")
    return bytes(data), first, last


def schedstat(pid):
    """(ns on a CPU, ns waiting for one) of the process's main thread: the work the keys
    cost it and how long it was kept from running by other load."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            run, wait, _ = f.read().split()
            return int(run), int(wait)
    except (OSError, ValueError):
        return None


def write_bytes(pid):
    try:
        with open(f"/proc/{pid}/io") as f:
            for line in f:
                if line.startswith("write_bytes:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class SaveCounter(threading.Thread):
    """Counts atomic replaces of `path` (a new inode each time) by polling every 2 ms."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.count, self.stop = path, 0, False
        self.inode = self._inode()

    def _inode(self):
        try:
            return os.stat(self.path).st_ino
        except OSError:
            return None

    def run(self):
        while not self.stop:
            ino = self._inode()
            if ino is not None and ino != self.inode:
                self.count += 1
                self.inode = ino
            time.sleep(0.002)


def run_program(name, argv, env, cwd, prelude, keys, interval, watch=None, settle=1.5):
    proc, fd = spawn(argv, env, cwd)
    try:
        drain(fd, quiet=0.5, limit=20.0)  # the first frame
        for k in prelude:
            os.write(fd, k)
            drain(fd, quiet=0.15)
        # Let any save caused by the prelude finish before counting.
        drain(fd, quiet=settle, limit=settle + 1)
        counter = SaveCounter(watch) if watch else None
        if counter:
            counter.start()
        wb0 = write_bytes(proc.pid)
        ss0 = schedstat(proc.pid)
        firsts, lasts = [], []
        start = time.perf_counter()
        for i in range(keys):
            due = start + i * interval
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            key = b"e" if i % 2 == 0 else BACKSPACE
            t0 = time.perf_counter()
            os.write(fd, key)
            _, first, last = drain(fd, quiet=min(0.02, interval / 3), limit=interval)
            if first is not None:
                firsts.append((first - t0) * 1000)
                lasts.append((last - t0) * 1000)
        ss1 = schedstat(proc.pid)
        # Everything typed must reach the disk within a second: wait for it.
        drain(fd, quiet=1.5, limit=3.0)
        wb1 = write_bytes(proc.pid)
        if counter:
            counter.stop = True
            counter.join()
        return {
            "name": name,
            "firsts": firsts,
            "lasts": lasts,
            "keys": keys,
            "write_bytes": None if wb0 is None or wb1 is None else wb1 - wb0,
            "saves": counter.count if counter else None,
            "sched": None if ss0 is None or ss1 is None else (ss1[0] - ss0[0], ss1[1] - ss0[1]),
        }
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except OSError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(fd)


def startup(binary, session, env, cwd, runs):
    """Times `volgspot open SESSION` `runs` times, from start to its first output (the
    terminal set up: the session is loaded, the earlier round found) and to the end of
    its first frame (the output going quiet for 0.3 s, not counted; a once-a-second
    redraw can fall in and lengthen a run). Returns (firsts, lasts) in ms."""
    firsts, times = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc, fd = spawn([binary, "open", session], env, cwd)
        try:
            _, first, last = drain(fd, quiet=0.3, limit=3.0)
            if last is not None:
                firsts.append((first - t0) * 1000)
                times.append((last - t0) * 1000)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except OSError:
                pass
            proc.wait()
            os.close(fd)
    return firsts, times


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def report(r, size_bytes):
    lasts = r["lasts"]
    line = (
        f"{r['name']:<28} echo median {statistics.median(lasts) if lasts else float('nan'):6.2f} ms"
        f"  p99 {pct(lasts, 99):6.2f} ms  (first byte median"
        f" {statistics.median(r['firsts']) if r['firsts'] else float('nan'):5.2f} ms;"
        f" {len(lasts)}/{r['keys']} keys echoed)"
    )
    wb = r["write_bytes"]
    if wb is not None:
        line += f"  write_bytes {wb / 1e6:8.2f} MB"
        if size_bytes:
            line += f" ({wb / size_bytes:5.1f} copies)"
    if r["saves"] is not None:
        line += f"  saves {r['saves']}"
    if r["sched"] is not None and r["keys"]:
        run, wait = r["sched"]
        line += f"  cpu/key {run / r['keys'] / 1e6:5.3f} ms (waited {wait / r['keys'] / 1e6:5.3f})"
    print(line, flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "volgspot"))
    ap.add_argument("--size", default="typical", help="typical | large | huge")
    ap.add_argument("--screen", default="intake", help="intake | capture | triangle | synthesis")
    ap.add_argument("--keys", type=int, default=100)
    ap.add_argument("--interval", type=float, default=0.06, help="seconds between keys")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-compare", action="store_true", help="skip vim and nano")
    ap.add_argument("--session", default=None, help="use this session file (copied) instead of generating one")
    ap.add_argument(
        "--startup",
        type=int,
        default=0,
        metavar="N",
        help="instead of typing: time opening the session N times, alone and beside --others copies",
    )
    ap.add_argument("--others", type=int, default=100, help="sessions beside it for --startup")
    ap.add_argument("--dir", default=None, help="work folder (default: a temp folder on disk)")
    a = ap.parse_args()

    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"no binary at {binary}: cargo build --release first")
    # /proc write_bytes counts only what reaches a block device: keep the files on a real
    # disk, not in a tmpfs /tmp.
    base = a.dir or os.path.join(here, "..", "target", "tmp")
    os.makedirs(base, exist_ok=True)
    work = tempfile.mkdtemp(prefix="latency-", dir=base)
    session = os.path.join(work, "bench.volgspot.json")
    if a.session:
        shutil.copyfile(a.session, session)
    else:
        subprocess.run([binary, "bench-data", "--size", a.size, "-o", session], check=True, stdout=subprocess.DEVNULL)
    size_bytes = os.path.getsize(session)
    env = dict(os.environ, TERM="xterm-256color", VOLGSPOT_DIR=work, LANG="C.UTF-8")
    env.pop("NO_COLOR", None)

    if a.startup:
        # The same session alone in a folder, and beside copies of itself under other
        # pact names (what the earlier-round lookup and the start screen look at).
        crowd = os.path.join(work, "crowd")
        os.makedirs(crowd)
        with open(session) as f:
            text = f.read()
        for i in range(a.others):
            other = text.replace('"pact_name": "', f'"pact_name": "Ander pact {i} ', 1)
            with open(os.path.join(crowd, f"ander-{i:03}.volgspot.json"), "w") as f:
                f.write(other)
        alone = os.path.join(work, "alone.volgspot.json")
        shutil.copyfile(session, alone)
        beside = os.path.join(crowd, "zelf.volgspot.json")
        shutil.copyfile(session, beside)
        for label, path in [("alone", alone), (f"beside {a.others}", beside)] * 2:
            f, t = startup(binary, path, dict(env, VOLGSPOT_DIR=os.path.dirname(path)), work, a.startup)
            print(
                f"open, {label:<11} to first output: median {statistics.median(f):7.2f} ms"
                f" (min {min(f):6.2f});  to first frame: median {statistics.median(t):7.2f} ms"
                f" (min {min(t):6.2f})  ({len(t)} runs)",
                flush=True,
            )
        shutil.rmtree(work, ignore_errors=True)
        return

    # Keys that bring each screen's text field into focus (see benches/volgspot.rs).
    preludes = {
        "intake": [],
        "capture": [b"\x1b[6~", b"\r"],  # PageDown to Interviews, Enter opens one
        "synthesis": [b"\x1b[6~", b"s", b"/"],
        "triangle": [b"\x1b[6~", b"\x1b[6~", b"\r"],
    }
    if a.screen not in preludes:
        sys.exit(f"--screen: one of {', '.join(preludes)}")
    print(
        f"session: {a.session or a.size}, {size_bytes / 1e6:.2f} MB; {a.keys} keys {a.interval * 1000:.0f} ms apart;"
        f" screen {a.screen}; terminal {COLS}x{ROWS}; {os.cpu_count()} cores,"
        f" load {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    for rep in range(a.repeat):
        copy = os.path.join(work, f"run{rep}.volgspot.json")
        shutil.copyfile(session, copy)
        os.chmod(copy, 0o600)
        r = run_program(
            "volgspot",
            [binary, "open", copy],
            env,
            work,
            preludes[a.screen],
            a.keys,
            a.interval,
            watch=copy,
        )
        report(r, size_bytes)
    if not a.no_compare:
        compare(a, env, work)
    shutil.rmtree(work, ignore_errors=True)


def compare(a, env, work):
    for name, argv, prelude in [
        ("vim -u NONE", ["vim", "-u", "NONE", "-N", "-i", "NONE", "-n"], [b"i"]),
        ("nano", ["nano", "--ignorercfiles"], []),
    ]:
        exe = shutil.which(argv[0])
        if exe is None:
            print(f"{name:<28} skipped: {argv[0]} is not installed", flush=True)
            continue
        for rep in range(a.repeat):
            text = os.path.join(work, f"{argv[0]}{rep}.txt")
            with open(text, "w") as f:
                f.write("notities\n")
            r = run_program(name, argv + [text], env, work, prelude, a.keys, a.interval, settle=0.5)
            report(r, None)


if __name__ == "__main__":
    main()
