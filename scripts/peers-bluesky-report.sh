#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs `smm report pull` against a real local AT Protocol network (PLC + PDS + AppView from
# ../shared/peers/bsky-up.sh): alice publishes a post with smm; bob follows her, likes, reposts,
# replies to and quotes it (through the PDS, polled until the AppView counts them); then
# `smm report pull` and `smm report posts --format csv` must show likes=1, reposts=1, replies=1,
# quotes=1 and `smm report accounts` alice's followers as the AppView counts them. Needs the
# built binary (build/cmd/smm); starts the network when it is not running and leaves it running
# (stop it with bsky-down.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
smm="$PWD/build/cmd/smm"
peers=${SMM_PEERS_SCRIPTS:-$PWD/../shared/peers}
root=${SMM_PEERS_DIR:-/tmp/smm-peers}
[ -x "$smm" ] || { echo "peers-bluesky-report: build smm first (cmake --build build)" >&2; exit 2; }
if ! { [ -f "$root/bsky.env" ] && curl -fs -o /dev/null -m 5 "$(sed -n 's/^BSKY_PDS_URL=//p' "$root/bsky.env")/xrpc/_health"; }; then
  "$peers/bsky-up.sh" >/dev/null
fi
set -a
# shellcheck source=/dev/null
. "$root/bsky.env"
set +a

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SMM_CREDENTIALS="$work/credentials.json"
export SMM_PROJECT="$work/project"
"$smm" init "$work/project" --name "Peers" --zone UTC >/dev/null 2>&1
cd "$work/project"
"$smm" account add sky --platform bluesky --server "$BSKY_PDS_URL" --handle "$BSKY_ALICE_HANDLE" >/dev/null
python3 - accounts/sky.json "$BSKY_PLC_URL" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["plc"] = sys.argv[2]
open(sys.argv[1], "w").write(json.dumps(doc, indent=2) + "\n")
PY
printf '%s\n' "$BSKY_ALICE_PASSWORD" | "$smm" account login sky 2>/dev/null
"$smm" plan add "Metrics from smm report pull $(date +%s)" --to sky --at "+1h" --id 2030-01-01-measured >/dev/null
"$smm" post --yes --format tsv 2030-01-01-measured >/dev/null

# Bob answers: follow, like, repost, reply, quote; wait until the AppView counts them.
python3 - posts/2030-01-01-measured.json <<'PY'
import json, os, sys, time, urllib.parse, urllib.request
pds = os.environ["BSKY_PDS_URL"]
pub = json.load(open(sys.argv[1]))["publish"]["sky"]
subject = {"uri": pub["parts"][0]["uri"], "cid": pub["parts"][0]["cid"]}
def call(nsid, body=None, token=None, **params):
    url = pds + "/xrpc/" + nsid + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    req = urllib.request.Request(url, json.dumps(body).encode() if body is not None else None,
                                 {"Content-Type": "application/json"} if body is not None else {})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(req, timeout=10))
def session(handle, password):
    return call("com.atproto.server.createSession", {"identifier": handle, "password": password})
bob = session(os.environ["BSKY_BOB_HANDLE"], os.environ["BSKY_BOB_PASSWORD"])
now = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
def create(collection, record):
    record["createdAt"] = now
    call("com.atproto.repo.createRecord", {"repo": bob["did"], "collection": collection, "record": record}, bob["accessJwt"])
create("app.bsky.graph.follow", {"subject": os.environ["BSKY_ALICE_DID"]})
create("app.bsky.feed.like", {"subject": subject})
create("app.bsky.feed.repost", {"subject": subject})
create("app.bsky.feed.post", {"text": "A reply from bob", "reply": {"root": subject, "parent": subject}})
create("app.bsky.feed.post", {"text": "Bob quotes it", "embed": {"$type": "app.bsky.embed.record", "record": subject}})
alice = session(os.environ["BSKY_ALICE_HANDLE"], os.environ["BSKY_ALICE_PASSWORD"])
deadline = time.time() + 20
while True:
    view = call("app.bsky.feed.getPosts", token=alice["accessJwt"], uris=[subject["uri"]])["posts"][0]
    counts = [view.get(k, 0) for k in ("likeCount", "repostCount", "replyCount", "quoteCount")]
    if counts == [1, 1, 1, 1] or time.time() > deadline:
        break
    time.sleep(0.3)
print("peers-bluesky-report: AppView counts likes, reposts, replies, quotes =", counts)
PY

"$smm" report pull | tee "$work/pull.txt"
"$smm" report posts --format csv | tee "$work/posts.csv"
"$smm" report accounts --format csv | tee "$work/accounts.csv"
python3 - "$work/posts.csv" "$work/accounts.csv" "$work/pull.txt" <<'PY'
import csv, json, os, sys, urllib.request
posts = list(csv.DictReader(open(sys.argv[1])))
accounts = list(csv.DictReader(open(sys.argv[2])))
pull = open(sys.argv[3]).read()
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
        print("FAIL:", what, file=sys.stderr)
check(len(posts) == 1 and posts[0]["post"] == "2030-01-01-measured", f"one post row: {posts}")
row = posts[0] if posts else {}
for metric in ("likes", "reposts", "replies", "quotes"):
    check(row.get(metric) == "1", f"{metric} = {row.get(metric)}, expected 1")
pds = os.environ["BSKY_PDS_URL"]
login = urllib.request.Request(pds + "/xrpc/com.atproto.server.createSession", json.dumps(
    {"identifier": os.environ["BSKY_ALICE_HANDLE"], "password": os.environ["BSKY_ALICE_PASSWORD"]}).encode(),
    {"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(login))["accessJwt"]
req = urllib.request.Request(pds + "/xrpc/app.bsky.actor.getProfile?actor=" + os.environ["BSKY_ALICE_DID"])
req.add_header("Authorization", "Bearer " + token)
profile = json.load(urllib.request.urlopen(req))
check(len(accounts) == 1 and accounts[0]["followers"] == str(profile.get("followersCount")),
      f"followers {accounts[0].get('followers') if accounts else None}, AppView {profile.get('followersCount')}")
check(int(accounts[0].get("followers") or 0) >= 1 if accounts else False, "bob follows alice")
check(pull.startswith("sky  1 post, "), f"pull line {pull!r}")
print(f"peers-bluesky-report: likes={row.get('likes')} reposts={row.get('reposts')} replies={row.get('replies')} "
      f"quotes={row.get('quotes')} followers={accounts[0].get('followers') if accounts else None} "
      f"posts={accounts[0].get('posts') if accounts else None}, {len(bad)} failed checks")
sys.exit(1 if bad else 0)
PY
