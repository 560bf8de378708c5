#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `smm inbox sync` against a real local AT Protocol network (../shared/peers/bsky-up.sh): two fresh
# accounts (ours and a fan, so other runs on the shared network cannot add noise), our post
# published by `smm post`, then the fan replies to it, mentions us, quotes it, posts a watched
# word and writes an unrelated post. The first sync must find exactly the reply, the mention and
# the quote (with our post id, reply refs and URLs) plus the watch hit when the AppView's search
# finds it; chat is skipped with a note (the devnet has no chat service); a second sync adds 0.
# Needs the built binary (build/cmd/smm); starts the network when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
smm="$PWD/build/cmd/smm"
peers=${SMM_PEERS_SCRIPTS:-$PWD/../shared/peers}
root=${SMM_PEERS_DIR:-/tmp/smm-peers}
[ -x "$smm" ] || { echo "peers-bluesky-inbox: build smm first (cmake --build build)" >&2; exit 2; }
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
suffix=$(date +%s)$RANDOM
export OURS="us$suffix.test" FAN="fan$suffix.test" WORD="smmword$suffix"
python3 - <<'PY'
import json, os, urllib.request
for handle in (os.environ["OURS"], os.environ["FAN"]):
    req = urllib.request.Request(os.environ["BSKY_PDS_URL"] + "/xrpc/com.atproto.server.createAccount",
        json.dumps({"handle": handle, "email": handle + "@example.com", "password": "pass-" + handle}).encode(),
        {"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=20).read()
PY
"$smm" init "$work/project" --name "Inbox peers" --zone UTC >/dev/null 2>&1
cd "$work/project"
"$smm" account add sky --platform bluesky --server "$BSKY_PDS_URL" --handle "$OURS" >/dev/null
python3 - accounts/sky.json "$BSKY_PLC_URL" "$WORD" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["plc"] = sys.argv[2]
json.dump(doc, open(sys.argv[1], "w"), indent=2)
settings = json.load(open("smm.json"))
settings["watches"] = [{"name": "brand", "account": "sky", "query": sys.argv[3]}]
json.dump(settings, open("smm.json", "w"), indent=2)
PY
printf '%s\n' "pass-$OURS" | "$smm" account login sky >/dev/null
"$smm" plan add "Our launch post ($WORD)" --to sky --at "+1h" --id 2030-01-01-launch >/dev/null
"$smm" post --yes --format tsv 2030-01-01-launch >/dev/null
export OUR_URI
OUR_URI=$(python3 -c 'import json; print(json.load(open("posts/2030-01-01-launch.json"))["publish"]["sky"]["parts"][0]["remote_id"])')

# The fan's posts, then wait until the AppView shows our three notifications.
python3 - <<'PY'
import datetime, json, os, time, urllib.parse, urllib.request
pds = os.environ["BSKY_PDS_URL"]
def call(nsid, body=None, token=None, **params):
    url = pds + "/xrpc/" + nsid + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, json.dumps(body).encode() if body is not None else None,
                                 {"Content-Type": "application/json"} if body is not None else {})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(req, timeout=20))
def session(handle):
    return call("com.atproto.server.createSession", {"identifier": handle, "password": "pass-" + handle})
fan, us = session(os.environ["FAN"]), session(os.environ["OURS"])
ours = call("com.atproto.repo.getRecord", repo=us["did"], collection="app.bsky.feed.post",
            rkey=os.environ["OUR_URI"].rsplit("/", 1)[1])
ref = {"uri": ours["uri"], "cid": ours["cid"]}
def post(record):
    record.update({"$type": "app.bsky.feed.post", "createdAt": datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")})
    return call("com.atproto.repo.createRecord", {"repo": fan["did"], "collection": "app.bsky.feed.post", "record": record}, fan["accessJwt"])
post({"text": "Congratulations on the launch!", "reply": {"root": ref, "parent": ref}})
mention = "Hello @" + os.environ["OURS"] + " from a fan"
start = mention.encode().index(b"@")
post({"text": mention, "facets": [{"index": {"byteStart": start, "byteEnd": start + 1 + len(os.environ["OURS"].encode())},
      "features": [{"$type": "app.bsky.richtext.facet#mention", "did": us["did"]}]}]})
post({"text": "Look at this", "embed": {"$type": "app.bsky.embed.record", "record": ref}})
post({"text": "Unrelated thoughts about the weather"})
post({"text": "I keep hearing about " + os.environ["WORD"]})
deadline = time.time() + 20
while time.time() < deadline:
    n = call("app.bsky.notification.listNotifications", token=us["accessJwt"], limit=50)["notifications"]
    if len([x for x in n if x["reason"] in ("reply", "mention", "quote")]) >= 3:
        break
    time.sleep(0.3)
time.sleep(1)
PY

"$smm" inbox sync --format tsv >"$work/first.out" 2>"$work/first.err" || { cat "$work/first.err" >&2; exit 1; }
"$smm" inbox sync --format tsv >"$work/second.out" 2>"$work/second.err" || { cat "$work/second.err" >&2; exit 1; }
echo "peers-bluesky-inbox: first sync: $(cat "$work/first.out")"
echo "peers-bluesky-inbox: second sync: $(cat "$work/second.out")"

python3 - "$work" <<'PY'
import glob, json, os, sys
work = sys.argv[1]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
        print("FAIL:", what, file=sys.stderr)
items = [json.loads(l) for f in sorted(glob.glob(work + "/project/inbox/sky/*.jsonl")) for l in open(f)]
kinds = sorted(i["kind"] for i in items)
social = [i for i in items if i["kind"] != "watch"]
check(sorted(i["kind"] for i in social) == ["mention", "quote", "reply"], f"kinds {kinds}")
fan, ours = os.environ["FAN"], os.environ["OUR_URI"]
by = {i["kind"]: i for i in items}
check(all(i["author"]["handle"] == fan for i in items), "every item is the fan's")
check(all(i["url"].startswith("https://bsky.app/profile/" + fan + "/post/") for i in items), "urls")
r = by.get("reply", {})
check(r.get("post") == "2030-01-01-launch", "reply names our post")
check(r.get("in_reply_to") == ours and r.get("thread_root") == ours, "reply refs")
check(r.get("extra", {}).get("root", {}).get("uri") == ours and r.get("extra", {}).get("cid"), "reply extra")
check(r.get("text") == "Congratulations on the launch!", "reply text")
check(by.get("quote", {}).get("post") == "2030-01-01-launch", "quote names our post")
check("post" not in by.get("mention", {}), "a mention answers no post")
watch = [i for i in items if i["kind"] == "watch"]
check(len(watch) <= 1 and all(w["watch"] == "brand" and os.environ["WORD"] in w["text"] for w in watch), "watch hits")
check(len({i["remote_id"] for i in items}) == len(items), "no duplicates")
first = open(work + "/first.out").read()
check(first.startswith(f"sky  {len(items)} new ("), f"first sync line: {first!r}")
check(open(work + "/second.out").read() == "sky  0 new\n", "second sync adds 0")
print(f"peers-bluesky-inbox: {len(items)} items ({', '.join(kinds)}), watch hits {len(watch)} "
      f"(AppView search {'works' if watch else 'found nothing'}), {len(bad)} failed checks")
sys.exit(1 if bad else 0)
PY

# Answer the reply from the terminal: once, and the same command again sends nothing.
id=$("$smm" inbox list --kind reply --format tsv | awk -F'\t' 'NR == 2 {print $1}')
"$smm" inbox reply "$id" "Thank you, glad you like it!" >"$work/reply.out"
"$smm" inbox reply "$id" "Thank you, glad you like it!" 2>"$work/reply-again.err"
"$smm" report response --format csv >"$work/response.csv"
"$smm" report html -o "$work/report.html" 2>/dev/null
python3 - "$work" <<'PY'
import json, os, sys, time, urllib.parse, urllib.request
work = sys.argv[1]
pds = os.environ["BSKY_PDS_URL"]
def call(nsid, body=None, token=None, **params):
    url = pds + "/xrpc/" + nsid + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, json.dumps(body).encode() if body is not None else None,
                                 {"Content-Type": "application/json"} if body is not None else {})
    if token:
        req.add_header("Authorization", "Bearer " + token)
    return json.load(urllib.request.urlopen(req, timeout=20))
us = call("com.atproto.server.createSession", {"identifier": os.environ["OURS"], "password": "pass-" + os.environ["OURS"]})
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
        print("FAIL:", what, file=sys.stderr)
ours = []
for _ in range(60):
    records = call("com.atproto.repo.listRecords", repo=us["did"], collection="app.bsky.feed.post", limit=100)["records"]
    ours = [r for r in records if r["value"]["text"] == "Thank you, glad you like it!"]
    if ours:
        break
    time.sleep(0.3)
check(len(ours) == 1, f"our reply is in the repo once ({len(ours)})")
reply = ours[0]["value"].get("reply", {}) if ours else {}
check(reply.get("root", {}).get("uri") == os.environ["OUR_URI"], "the reply keeps the thread root")
check(reply.get("parent", {}).get("uri", "").startswith("at://") and reply["parent"]["uri"] != os.environ["OUR_URI"],
      "the reply answers the fan's reply")
check("\treplied\thttps://bsky.app/profile/" in open(work + "/reply.out").read(), "reply line")
check("already replied" in open(work + "/reply-again.err").read(), "the rerun sends nothing")
rows = open(work + "/response.csv").read().splitlines()
header, row = rows[0].split(","), rows[1].split(",")
got = dict(zip(header, row))
check(got.get("items") == "3" and got.get("answered") == "1", f"report response {got}")
html = open(work + "/report.html").read()
check("<svg" in html and "Response" in html, "report html")
print(f"peers-bluesky-inbox: replied once (rerun sent nothing), report response answered "
      f"{got.get('answered')}/{got.get('items')} median {got.get('median_response_s')} s, {len(bad)} failed checks")
sys.exit(1 if bad else 0)
PY
