#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fault tests: the real `smm` binary publishes to a Mastodon-like loopback server
(mastodon_server.py) that records what it created and misbehaves on cue. For each fault the post
ends up on the server exactly once, the post file says what happened, and the exit code is right.
Usage: mastodon_faults_test.py SMM_BINARY"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mastodon_server import MastodonServer  # noqa: E402

NOW = "2026-11-23T10:00:00Z"
failures = []


def smm(binary, root, *args, stdin=None):
    env = dict(os.environ, SMM_NOW=NOW, SMM_CREDENTIALS=os.path.join(os.path.dirname(root), "creds.json"))
    env.pop("SMM_PROJECT", None)
    return subprocess.run([binary, *args], cwd=root, env=env, capture_output=True, text=True, input=stdin)


def project(binary, tmp, server):
    root = os.path.join(tmp, "proj")
    r = smm(binary, tmp, "init", root, "--zone", "UTC")
    assert r.returncode == 0, r.stderr
    for args in (["account", "add", "masto", "--platform", "mastodon", "--server", server.url, "--handle", "kill"],
                 ["plan", "add", "Fresh bread at 8", "--to", "masto", "--at", "2026-11-23 09:55", "--id", "bread"]):
        r = smm(binary, root, *args)
        assert r.returncode == 0, r.stderr
    r = smm(binary, root, "account", "login", "masto", "--token", "-", stdin=server.token + "\n")
    assert r.returncode == 0, r.stderr
    return root


def state(root):
    with open(os.path.join(root, "posts", "bread.json")) as f:
        return json.load(f)["publish"]["masto"]


def expect(name, cond, detail):
    if not cond:
        failures.append(f"{name}: {detail}")


def case(binary, name, faults, runs, **server_options):
    """runs: [(extra args, expected exit code, text expected in the output)], run in order."""
    with tempfile.TemporaryDirectory(prefix="smm-faults-") as tmp, MastodonServer() as server:
        for key, value in server_options.items():
            setattr(server, key, value)
        root = project(binary, tmp, server)
        server.faults = list(faults)
        for args, code, text in runs:
            r = smm(binary, root, "post", "--format", "tsv", *args)
            out = r.stdout + r.stderr
            expect(name, r.returncode == code, f"`post {' '.join(args)}` exited {r.returncode}, expected {code}: {out}")
            expect(name, text in out, f"`post {' '.join(args)}` output lacks {text!r}: {out}")
            expect(name, server.token not in out, "the token appeared in the output")
        time.sleep(0.2)
        created = [s for s in server.statuses if s["status"] == "Fresh bread at 8"]
        expect(name, len(created) == 1, f"{len(created)} statuses on the server, expected exactly 1")
        st = state(root)
        expect(name, st.get("state") == "published", f"final state {st}")
        if created and st.get("parts"):
            expect(name, st["parts"][0].get("remote_id") == created[0]["id"], f"remote id {st['parts'][0]} vs server {created[0]['id']}")
        posts = [p for p in server.requests if p[0] == "POST" and p[1] == "/api/v1/statuses"]
        print(f"  {name}: {len(posts)} status request(s), {len(created)} created, exit codes as expected"
              if not [f for f in failures if f.startswith(name + ":")] else f"  {name}: FAILED")


def main():
    binary = os.path.abspath(sys.argv[1])
    # A keyed status request is safe to resend, so the retry layer sends it again in the same run
    # (same Idempotency-Key: the server answers with what it made); what outlasts those attempts
    # is left unconfirmed and reconciled, with the same key, by the next run.
    case(binary, "500 then success", ["500"], [([], 0, "published")])
    case(binary, "429 with Retry-After: 1 (waited out in the same run)", ["429"], [([], 0, "published")])
    case(binary, "429 with Retry-After: 3600 (fails now, retried by the next run)", ["429"],
         [([], 1, "rate limited until"), ([], 0, "published")], retry_after="3600")
    case(binary, "401 (exit 4, nothing created; a person fixes the login, then --retry-failed)", ["401"],
         [([], 4, "smm account login masto"), ([], 0, ""), (["--retry-failed"], 0, "published")])
    case(binary, "timeout after the server created it (resent with the same key)", ["slow"],
         [(["--timeout", "1s"], 0, "published")], slow_seconds=2.5)
    case(binary, "timeouts on every attempt (unconfirmed; the next run reconciles)", ["slow"] * 8,
         [(["--timeout", "1s"], 1, "unconfirmed"), ([], 0, "published")], slow_seconds=1.5)
    case(binary, "connection reset after the server created it", ["reset"], [([], 0, "published")])
    case(binary, "connection resets on every attempt (unconfirmed; the next run reconciles)", ["reset"] * 8,
         [([], 1, "unconfirmed"), ([], 0, "published")])
    case(binary, "connection reset before the request was read", ["reset-early"], [([], 0, "published")])
    case(binary, "malformed JSON reply after the server created it (unconfirmed; reconciled)", ["garbled"],
         [([], 1, "unconfirmed"), ([], 0, "published")])
    if failures:
        sys.exit("\n".join(failures))
    print("fault tests: every fault ended with the post on the server exactly once")


if __name__ == "__main__":
    main()
