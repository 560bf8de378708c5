#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Kill test: `smm post` over 50 due posts, SIGKILLed at random points many times and rerun each
time. At the end every post is in the feed exactly once, none is lost, and every post file is
valid JSON with a consistent state. Usage: kill_test.py SMM_BINARY [ROUNDS]"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-23T10:00:00Z"


def smm(binary, cwd, *args, check=True):
    env = dict(os.environ, SMM_NOW=NOW, SMM_CREDENTIALS=os.path.join(cwd, "creds.json"))
    r = subprocess.run([binary, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"smm {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def make_project(binary, root):
    smm(binary, os.path.dirname(root), "init", root, "--zone", "UTC")
    settings_path = os.path.join(root, "smm.json")
    with open(settings_path) as f:
        settings = json.load(f)
    settings["feed"]["max_items"] = 500
    with open(settings_path, "w") as f:
        json.dump(settings, f, indent=2)
    for i in range(50):
        at = f"2026-11-23 {9 + i // 60:02d}:{i % 60:02d}"
        smm(binary, root, "plan", "add", f"Post number {i} of the kill test", "--to", "feed", "--at", at, "--id", f"k{i:02d}")


def kill_rounds(binary, root, rounds, rng):
    env = dict(os.environ, SMM_NOW=NOW)
    killed = 0
    for _ in range(rounds):
        p = subprocess.Popen([binary, "post", "--jobs", str(rng.choice([1, 4, 16]))], cwd=root, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.01, 0.06))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait()
    return killed


def states(root):
    counts = {}
    for name in os.listdir(os.path.join(root, "posts")):
        if name.startswith("k"):
            with open(os.path.join(root, "posts", name)) as f:
                state = json.load(f).get("publish", {}).get("feed", {}).get("state", "due")
            counts[state] = counts.get(state, 0) + 1
    return counts


def check(binary, root):
    final = smm(binary, root, "post", check=False)
    if final.returncode != 0:
        sys.exit(f"final run failed ({final.returncode}): {final.stdout}{final.stderr}")
    again = smm(binary, root, "post", check=False)
    if again.returncode != 0 or again.stdout:
        sys.exit(f"a run after the final one still had work: {again.stdout}")
    with open(os.path.join(root, "feed", "feed.json")) as f:
        items = json.load(f)["items"]
    ids = [i["id"] for i in items]
    if len(ids) != 50 or len(set(ids)) != 50:
        sys.exit(f"feed has {len(ids)} items, {len(set(ids))} distinct; expected 50 exactly once each")
    for name in sorted(os.listdir(os.path.join(root, "posts"))):
        if not name.startswith("k"):
            continue
        with open(os.path.join(root, "posts", name)) as f:
            post = json.load(f)  # valid JSON, or this raises
        state = post.get("publish", {}).get("feed", {})
        parts = state.get("parts", [])
        if state.get("state") != "published" or len(parts) != 1 or not parts[0].get("remote_id"):
            sys.exit(f"{name}: inconsistent state {state}")


def main():
    binary = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    rng = random.Random(int(os.environ.get("SMM_KILL_SEED", "20261123")))
    with tempfile.TemporaryDirectory(prefix="smm-kill-") as tmp:
        root = os.path.join(tmp, "proj")
        make_project(binary, root)
        killed = kill_rounds(binary, root, rounds, rng)
        before = states(root)
        check(binary, root)
        print(f"kill test: {rounds} runs, {killed} killed mid-run (states before the last run: {before}); "
              "50 posts in the feed exactly once, all files valid")


if __name__ == "__main__":
    main()
