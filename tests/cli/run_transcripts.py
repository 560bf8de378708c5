#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Black-box transcripts (hledger shelltest style) for the built smm binary.

Each tests/cli/*.t file is a session run in a fresh temporary directory with `smm` on PATH,
SMM_NOW pinned and a clean environment. A block is:

    $ shell command
    expected stdout lines
    [stderr]
    expected stderr lines
    [exit N]          (omitted: 0)

Lines before the first block are comments. Commands run in bash from the
session directory, so `cd`, pipes and files carry over between blocks of one file.
Usage: run_transcripts.py SMM_BINARY [FILE.t ...] [--update]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            if raw.startswith("$ "):
                cur = {"cmd": raw[2:], "out": [], "err": [], "exit": 0, "mode": "out"}
                blocks.append(cur)
            elif cur is None:
                continue
            elif raw == "[stderr]":
                cur["mode"] = "err"
            elif re.fullmatch(r"\[exit \d+\]", raw):
                cur["exit"] = int(raw[6:-1])
            else:
                cur[cur["mode"]].append(raw)
    for b in blocks:  # a file's trailing blank lines belong to no block
        for key in ("out", "err"):
            while b[key] and b[key][-1] == "":
                b[key].pop()
    return blocks


def render(blocks):
    text = []
    for b in blocks:
        text.append("$ " + b["cmd"])
        text.extend(b["out"])
        if b["err"]:
            text.append("[stderr]")
            text.extend(b["err"])
        if b["exit"] != 0:
            text.append("[exit %d]" % b["exit"])
        text.append("")
    return "\n".join(text)


def lines(data):
    out = data.decode("utf-8", "replace").split("\n")
    while out and out[-1] == "":
        out.pop()
    return out


def run_file(smm, path, update):
    blocks = parse(path)
    work = tempfile.mkdtemp(prefix="smm-cli-")
    bindir = os.path.join(work, ".bin")
    os.makedirs(bindir)
    os.symlink(os.path.abspath(smm), os.path.join(bindir, "smm"))
    env = {
        "PATH": bindir + ":/usr/bin:/bin",
        "HOME": work,
        "SMM_NOW": "2026-11-23T10:00:00Z",
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "FIXTURES": os.path.join(HERE, "..", "fixtures"),
    }
    failures = 0
    for b in blocks:
        p = subprocess.run(["bash", "-c", b["cmd"]], cwd=work, env=env, capture_output=True, timeout=60)
        got = {"out": lines(p.stdout), "err": lines(p.stderr), "exit": p.returncode}
        if update:
            b.update(got)
            continue
        if got["out"] != b["out"] or got["err"] != b["err"] or got["exit"] != b["exit"]:
            failures += 1
            print("FAIL %s: $ %s" % (os.path.basename(path), b["cmd"]))
            for key in ("out", "err"):
                if got[key] != b[key]:
                    print("  expected %s:\n    %s" % (key, "\n    ".join(b[key])))
                    print("  got %s:\n    %s" % (key, "\n    ".join(got[key])))
            if got["exit"] != b["exit"]:
                print("  expected exit %d, got %d" % (b["exit"], got["exit"]))
    shutil.rmtree(work, ignore_errors=True)
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(render(blocks))
    return len(blocks), failures


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv
    smm, files = args[0], args[1:] or sorted(
        os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".t"))
    total = failed = 0
    for path in files:
        n, f = run_file(smm, path, update)
        total += n
        failed += f
    print("%d passed, %d failed" % (total - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
