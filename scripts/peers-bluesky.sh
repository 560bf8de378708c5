#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs smm's Bluesky client against a real local AT Protocol network (PLC + PDS + AppView from
# ../shared/peers/bsky-up.sh): login with alice's app password, `account check`, a text post with
# a link, a mention and a hashtag, a long thread, a first comment, an image with alt text, a dry
# run, `post --yes`, then a second `post --yes` that must create nothing. Verifies through the PDS
# (repo records and the AppView's thread and author feed, polled for indexing lag) that every
# part exists exactly once with its facets, reply refs and alt text. Needs the built binary
# (build/cmd/smm); starts the network when it is not running and leaves it running (stop it
# with bsky-down.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
smm="$PWD/build/cmd/smm"
peers=${SMM_PEERS_SCRIPTS:-$PWD/../shared/peers}
root=${SMM_PEERS_DIR:-/tmp/smm-peers}
[ -x "$smm" ] || { echo "peers-bluesky: build smm first (cmake --build build)" >&2; exit 2; }
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
"$smm" account add sky --platform bluesky --server "$BSKY_PDS_URL" --handle "$BSKY_ALICE_HANDLE"
# The PLC directory of the local network resolves alice's DID to her PDS; posts are in English.
python3 - accounts/sky.json "$BSKY_PLC_URL" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["plc"] = sys.argv[2]
doc["language"] = "en"
open(sys.argv[1], "w").write(json.dumps(doc, indent=2) + "\n")
PY
printf '%s\n' "$BSKY_ALICE_PASSWORD" | "$smm" account login sky
"$smm" account check sky --format tsv

python3 - "$work/project/media/square.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\0" + b"\xff\0\0" * 4 for _ in range(4))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
long="Threads on Bluesky: each part replies to the one before it."
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do long="$long Every sentence here adds to the length of this post."; done
text="Hello from smm 👋 café: see https://example.com/smm?x=1, ping @$BSKY_BOB_HANDLE and #smmtest!"
"$smm" plan add "$text" --to sky --at "+1h" --id 2030-01-01-text >/dev/null
"$smm" plan add "$long" --to sky --at "+1h" --id 2030-01-01-thread >/dev/null
"$smm" plan add "A post with a first comment" --to sky --at "+1h" --first-comment "The first comment" \
  --id 2030-01-01-comment >/dev/null
"$smm" plan add "A picture" --to sky --at "+1h" --media media/square.png --alt "A red square" \
  --id 2030-01-01-image >/dev/null
ids=(2030-01-01-text 2030-01-01-thread 2030-01-01-comment 2030-01-01-image)
"$smm" post --dry-run "${ids[@]}" >"$work/dry-run.txt"
echo "peers-bluesky: dry run: $(grep -c '^POST ' "$work/dry-run.txt") requests"
count_records() {
  python3 - <<'PY'
import json, os, urllib.request
url = os.environ["BSKY_PDS_URL"] + "/xrpc/com.atproto.repo.listRecords?collection=app.bsky.feed.post&limit=100&repo=" + os.environ["BSKY_ALICE_DID"]
print(len(json.load(urllib.request.urlopen(url))["records"]))
PY
}
before=$(count_records)
"$smm" post --yes --format tsv "${ids[@]}"
after=$(count_records)
"$smm" post --yes --format tsv "${ids[@]}"
again=$(count_records)
# A crash after the request (the answer lost: a part left "sending" with its key) and a crash
# before it (a key saved, nothing sent): the next run asks the PDS for the key instead of
# resending blindly, confirms the first and sends the second once.
"$smm" plan add "Lost answers" --to sky --at "+1h" --first-comment "Never sent" --id 2030-01-01-crash >/dev/null
"$smm" post --yes --format tsv 2030-01-01-crash >/dev/null
python3 - posts/2030-01-01-crash.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
pub = doc["publish"]["sky"]
pub["state"] = "sending"
for k in ("remote_id", "url", "at"):
    pub.pop(k, None)
pub["parts"][0] = {"key": pub["parts"][0]["key"]}
pub["parts"][1] = {"key": "3" + pub["parts"][1]["key"][1:-3] + "zz2"}  # a fresh key never sent
open(sys.argv[1], "w").write(json.dumps(doc, indent=2) + "\n")
PY
crash_before=$(count_records)
"$smm" post --yes --format tsv 2030-01-01-crash
crash_after=$(count_records)

python3 - "$work/project" "$before" "$after" "$again" "$crash_before" "$crash_after" <<'PY'
import json, os, sys, time, urllib.error, urllib.parse, urllib.request
project, before, after, again, crash_before, crash_after = sys.argv[1], *map(int, sys.argv[2:7])
pds, did = os.environ["BSKY_PDS_URL"], os.environ["BSKY_ALICE_DID"]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
        print("FAIL:", what, file=sys.stderr)
def xrpc(nsid, token=None, **params):
    req = urllib.request.Request(pds + "/xrpc/" + nsid + "?" + urllib.parse.urlencode(params, doseq=True))
    if token:
        req.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(req, timeout=10))
session = json.load(urllib.request.urlopen(urllib.request.Request(
    pds + "/xrpc/com.atproto.server.createSession",
    json.dumps({"identifier": os.environ["BSKY_ALICE_HANDLE"], "password": os.environ["BSKY_ALICE_PASSWORD"]}).encode(),
    {"Content-Type": "application/json"})))
token = session["accessJwt"]
def parts(post_id):
    doc = json.load(open(f"{project}/posts/{post_id}.json"))
    pub = doc["publish"]["sky"]
    check(pub["state"] == "published", f"{post_id} published")
    return pub["parts"]
def record(part):
    return xrpc("com.atproto.repo.getRecord", repo=did, collection="app.bsky.feed.post", rkey=part["key"])
expected = 0
# Text post: facets by UTF-8 bytes.
p = parts("2030-01-01-text"); expected += len(p)
rec = record(p[0])["value"]
raw = rec["text"].encode()
kinds = {}
for f in rec.get("facets", []):
    feat = f["features"][0]
    span = raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode()
    kinds[feat["$type"].split("#")[1]] = (span, feat)
check(kinds.get("link", ("",))[0] == "https://example.com/smm?x=1" and kinds["link"][1]["uri"] == "https://example.com/smm?x=1", "link facet")
check(kinds.get("mention", ("",))[0] == "@" + os.environ["BSKY_BOB_HANDLE"] and kinds["mention"][1]["did"] == os.environ["BSKY_BOB_DID"], "mention facet")
check(kinds.get("tag", ("",))[0] == "#smmtest" and kinds["tag"][1]["tag"] == "smmtest", "tag facet")
check(rec.get("langs") == ["en"], "langs")
# Thread: each part replies to the one before, all under the first.
p = parts("2030-01-01-thread"); expected += len(p)
check(len(p) >= 2, f"thread split into {len(p)} parts")
recs = [record(x) for x in p]
for i in range(1, len(recs)):
    reply = recs[i]["value"].get("reply", {})
    check(reply.get("root") == {"uri": recs[0]["uri"], "cid": recs[0]["cid"]}, f"thread part {i+1} root")
    check(reply.get("parent") == {"uri": recs[i-1]["uri"], "cid": recs[i-1]["cid"]}, f"thread part {i+1} parent")
thread_root = recs[0]["uri"]
# First comment: a reply to the post.
p = parts("2030-01-01-comment"); expected += len(p)
check(len(p) == 2, "post + first comment")
recs = [record(x) for x in p]
first = {"uri": recs[0]["uri"], "cid": recs[0]["cid"]}
check(recs[1]["value"].get("reply") == {"root": first, "parent": first}, "first comment reply refs")
check(recs[1]["value"]["text"] == "The first comment", "first comment text")
# Image with alt text.
p = parts("2030-01-01-image"); expected += len(p)
img = record(p[0])["value"].get("embed", {})
check(img.get("$type") == "app.bsky.embed.images", "images embed")
check(img.get("images", [{}])[0].get("alt") == "A red square", "alt text")
check(img.get("images", [{}])[0].get("aspectRatio") == {"width": 4, "height": 4}, "aspect ratio")
# Exactly once: the repo grew by the number of parts, and the rerun added nothing.
check(after - before == expected, f"records created {after - before}, expected {expected}")
check(again == after, f"rerun created {again - after}")
# The reconciled crash: the part whose answer was lost is the record made by the first send.
p = parts("2030-01-01-crash")
check(crash_after - crash_before == 1, f"after the crashes {crash_after - crash_before} records were created, expected 1")
check(record(p[1])["value"].get("reply", {}).get("parent", {}).get("uri") == record(p[0])["uri"], "reconciled comment reply")
# AppView (through the PDS): the thread with every reply, the author feed with each post once.
deadline = time.time() + 10
thread_n = feed_hits = 0
while time.time() < deadline:
    try:
        t = xrpc("app.bsky.feed.getPostThread", token, uri=thread_root, depth=20)["thread"]
        thread_n = 1
        while t.get("replies"):
            t = t["replies"][0]
            thread_n += 1
        feed = xrpc("app.bsky.feed.getAuthorFeed", token, actor=did, limit=100, filter="posts_with_replies")["feed"]
        uris = [item["post"]["uri"] for item in feed]
        feed_hits = len(uris)
        if thread_n == len(parts("2030-01-01-thread")) and len(uris) >= expected and len(set(uris)) == len(uris):
            break
    except urllib.error.HTTPError:
        pass
    time.sleep(0.3)
check(thread_n == len(parts("2030-01-01-thread")), f"AppView thread depth {thread_n}")
check(feed_hits >= expected, f"AppView author feed {feed_hits} posts")
print(f"peers-bluesky: {expected} parts published, repo +{after - before} records, rerun +{again - after}, "
      f"crash rerun +{crash_after - crash_before}, AppView thread {thread_n} deep, feed {feed_hits} posts, {len(bad)} failed checks")
sys.exit(1 if bad else 0)
PY
# The live test (ctest -L live) against the same network, when the tests are built.
if [ -x "$(dirname "$smm")/../tests/smm_tests" ]; then
  SMM_LIVE_BLUESKY_URL="$BSKY_PDS_URL" SMM_LIVE_BLUESKY_HANDLE="$BSKY_ALICE_HANDLE" \
    SMM_LIVE_BLUESKY_PASSWORD="$BSKY_ALICE_PASSWORD" SMM_LIVE_BLUESKY_PLC="$BSKY_PLC_URL" \
    SMM_LIVE_BLUESKY_HANDLE2="$BSKY_BOB_HANDLE" SMM_LIVE_BLUESKY_PASSWORD2="$BSKY_BOB_PASSWORD" \
    ctest --test-dir "$(dirname "$smm")/.." -L live -R bluesky --output-on-failure | grep -E 'tests passed|failed out of'
fi
