#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Kill test: `smm post` over 50 due posts, SIGKILLed at random points many times and rerun each
time. At the end every post is published exactly once, none is lost, and every post file is
valid JSON with a consistent state.

Platforms: `feed` (the project's feed files) and `mastodon` (a Mastodon-like loopback server that
honours Idempotency-Key and answers after 30-120 ms, see mastodon_server.py; every tenth post is a
three-part thread and every seventh has a first comment, so kills land between parts too).
Usage: kill_test.py SMM_BINARY [ROUNDS] [feed|mastodon]"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mastodon_server import MastodonServer  # noqa: E402

NOW = "2026-11-23T10:00:00Z"


def smm(binary, cwd, *args, check=True):
    env = dict(os.environ, SMM_NOW=NOW, SMM_CREDENTIALS=os.path.join(cwd, "creds.json"))
    r = subprocess.run([binary, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"smm {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def text_of(i, platform):
    if platform == "mastodon" and i % 10 == 3:  # about 1,300 characters: a three-part thread
        return f"Thread {i} of the kill test. " + " ".join(f"Sentence {n} of thread {i} keeps going." for n in range(40))
    return f"Post number {i} of the kill test"


def make_project(binary, root, platform, server):
    smm(binary, os.path.dirname(root), "init", root, "--zone", "UTC")
    target = "feed"
    if platform == "mastodon":
        target = "masto"
        smm(binary, root, "account", "add", "masto", "--platform", "mastodon", "--server", server.url, "--handle", "kill")
        env = dict(os.environ, SMM_NOW=NOW, SMM_CREDENTIALS=os.path.join(root, "creds.json"))
        subprocess.run([binary, "account", "login", "masto", "--token", "-"], cwd=root, env=env, check=True,
                       input=server.token + "\n", capture_output=True, text=True)
    settings_path = os.path.join(root, "smm.json")
    with open(settings_path) as f:
        settings = json.load(f)
    settings["feed"]["max_items"] = 500
    with open(settings_path, "w") as f:
        json.dump(settings, f, indent=2)
    for i in range(50):
        at = f"2026-11-23 {9 + i // 60:02d}:{i % 60:02d}"
        extra = ["--first-comment", f"First comment on post {i}"] if platform == "mastodon" and i % 7 == 0 else []
        smm(binary, root, "plan", "add", text_of(i, platform), "--to", target, "--at", at, "--id", f"k{i:02d}", *extra)


def kill_rounds(binary, root, rounds, rng, platform):
    env = dict(os.environ, SMM_NOW=NOW, SMM_CREDENTIALS=os.path.join(root, "creds.json"))
    window = (0.005, 0.08) if platform == "feed" else (0.03, 0.6)
    jobs = [1, 4, 16] if platform == "feed" else [1, 2, 4]
    killed = 0
    lo, hi = window
    for k in range(rounds):
        p = subprocess.Popen([binary, "post", "--jobs", str(rng.choice(jobs))], cwd=root, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The window widens round by round: early runs die early, a few parts in, so many runs
        # are killed before the work is done.
        time.sleep(rng.uniform(lo, lo + (hi - lo) * (k + 1) / rounds))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait()
    return killed


def states(root, account):
    counts = {}
    for name in os.listdir(os.path.join(root, "posts")):
        if name.startswith("k"):
            with open(os.path.join(root, "posts", name)) as f:
                state = json.load(f).get("publish", {}).get(account, {}).get("state", "due")
            counts[state] = counts.get(state, 0) + 1
    return counts


def check(binary, root, platform, server):
    final = smm(binary, root, "post", check=False)
    if final.returncode != 0:
        sys.exit(f"final run failed ({final.returncode}): {final.stdout}{final.stderr}")
    again = smm(binary, root, "post", check=False)
    if again.returncode != 0 or again.stdout:
        sys.exit(f"a run after the final one still had work: {again.stdout}")
    account = "feed" if platform == "feed" else "masto"
    remote_parts = 0
    for name in sorted(os.listdir(os.path.join(root, "posts"))):
        if not name.startswith("k"):
            continue
        with open(os.path.join(root, "posts", name)) as f:
            post = json.load(f)  # valid JSON, or this raises
        state = post.get("publish", {}).get(account, {})
        parts = state.get("parts", [])
        if state.get("state") != "published" or not parts or not all(p.get("remote_id") for p in parts):
            sys.exit(f"{name}: inconsistent state {state}")
        remote_parts += len(parts)
        if platform == "mastodon":
            check_thread(name, parts, server)
    if platform == "feed":
        with open(os.path.join(root, "feed", "feed.json")) as f:
            ids = [i["id"] for i in json.load(f)["items"]]
        if len(ids) != 50 or len(set(ids)) != 50:
            sys.exit(f"feed has {len(ids)} items, {len(set(ids))} distinct; expected 50 exactly once each")
        return "50 posts in the feed exactly once"
    texts = [(s["status"], s["in_reply_to_id"]) for s in server.statuses]
    if len(server.statuses) != remote_parts or len(set(texts)) != len(texts):
        sys.exit(f"the server holds {len(server.statuses)} statuses ({len(set(texts))} distinct) for "
                 f"{remote_parts} published parts")
    return f"{remote_parts} statuses (50 posts, threads and first comments) on the server exactly once"


def check_thread(name, parts, server):
    """Each part is on the server and replies to the part before it; a first comment to the first."""
    by_id = {s["id"]: s for s in server.statuses}
    previous = None
    for i, part in enumerate(parts):
        status = by_id.get(part["remote_id"])
        if status is None:
            sys.exit(f"{name}: part {i + 1} ({part['remote_id']}) is not on the server")
        comment = status["status"].startswith("First comment")
        want = parts[0]["remote_id"] if comment else previous
        if status["in_reply_to_id"] != want:
            sys.exit(f"{name}: part {i + 1} replies to {status['in_reply_to_id']}, expected {want}")
        previous = part["remote_id"]


def main():
    binary = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    platform = sys.argv[3] if len(sys.argv) > 3 else "feed"
    rng = random.Random(int(os.environ.get("SMM_KILL_SEED", "20261123")))
    with tempfile.TemporaryDirectory(prefix="smm-kill-") as tmp, MastodonServer(delay=(0.03, 0.12)) as server:
        root = os.path.join(tmp, "proj")
        make_project(binary, root, platform, server)
        killed = kill_rounds(binary, root, rounds, rng, platform)
        before = states(root, "feed" if platform == "feed" else "masto")
        result = check(binary, root, platform, server)
        print(f"kill test ({platform}): {rounds} runs, {killed} killed mid-run (states before the last run: "
              f"{before}); {result}, all files valid")


if __name__ == "__main__":
    main()
