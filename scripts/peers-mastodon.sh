#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs smm's Mastodon client against the Prism mock of Mastodon's published OpenAPI description
# (../shared/peers, port 4101) and fails when the mock found a request that breaks the spec:
# login with a token, a text post, a thread, an image with alt text, a first comment, a dry run,
# `account check`, `report pull`, `inbox sync` (with a hashtag watch) and `inbox reply`. Prism answers are
# schema-shaped, not stateful, so only the requests are judged. Needs the built binary
# (build/cmd/smm) and Prism:
#   npm install --prefix /tmp/smm-peers/prism --save-exact @stoplight/prism-cli@5.14.2
# Starts the mock when it is not running (and leaves it running; stop it with mocks-down.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
smm="$PWD/build/cmd/smm"
peers=${SMM_PEERS_SCRIPTS:-$PWD/../shared/peers}
root=${SMM_PEERS_DIR:-/tmp/smm-peers}
[ -x "$smm" ] || { echo "peers-mastodon: build smm first (cmake --build build)" >&2; exit 2; }
if ! curl -s -o /dev/null -m 5 "http://127.0.0.1:4101/api/v2/instance"; then
  "$peers/mocks-up.sh" mastodon
fi
set -a
# shellcheck source=/dev/null
. "$root/mocks.env"
set +a
log="$root/mocks/mastodon.log"
before=$(wc -l < "$log")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SMM_CREDENTIALS="$work/credentials.json"
export SMM_PROJECT="$work/project"
"$smm" init "$work/project" --name "Mock" --zone UTC >/dev/null 2>&1
cd "$work/project"
# No handle: Prism's verify_credentials answers with a made-up acct.
"$smm" account add masto --platform mastodon --server "$SMM_MOCK_MASTODON_URL"
echo "dummy-token" | "$smm" account login masto --token -
python3 - "$work/project/media/square.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
raw = b"".join(b"\0" + b"\xff\0\0" * 4 for _ in range(4))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
long="Threads on Mastodon: each part replies to the one before it."
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do long="$long Every sentence here adds to the length of this post."; done
"$smm" plan add "A plain text post" --to masto --at "+1h" --id 2030-01-01-text >/dev/null
"$smm" plan add "$long" --to masto --at "+1h" --id 2030-01-01-thread >/dev/null
"$smm" plan add "A post with a first comment" --to masto --at "+1h" --first-comment "The first comment" \
  --id 2030-01-01-comment >/dev/null
"$smm" plan add "A picture" --to masto --at "+1h" --media media/square.png --alt "A red square" \
  --id 2030-01-01-image >/dev/null
ids=(2030-01-01-text 2030-01-01-thread 2030-01-01-comment 2030-01-01-image)
"$smm" post --dry-run "${ids[@]}" >/dev/null
"$smm" post --yes --format tsv "${ids[@]}" || true  # judged by the mock's log below
"$smm" account check --format tsv || true
# Metrics of what was just published (GET /api/v1/statuses?id[]=...) and of the account.
"$smm" report pull || true
# The inbox: notifications (mentions, quotes), conversations and a hashtag watch, twice (the
# second resumes from the stored cursors).
python3 - <<'PY'
import json
doc = json.load(open("smm.json"))
doc["watches"] = [{"name": "brand", "account": "masto", "hashtag": "smmtool"}]
json.dump(doc, open("smm.json", "w"), indent=2)
PY
# Prism's statuses are from 2019: --since reaches them. The mock is not stateful, so the second
# sync gets the same answers, which must all be recognised as stored.
"$smm" inbox sync --since 2019-01-01 || true
"$smm" inbox sync --since 2019-01-01 || true
echo "peers-mastodon: inbox: $(cat inbox/masto/*.jsonl 2>/dev/null | wc -l) items stored"
# Replies from the terminal: to a mention (in_reply_to_id) and to a DM (visibility direct).
for kind in mention dm; do
  id=$("$smm" inbox list --kind "$kind" --format tsv | awk -F'\t' 'NR == 2 {print $1}')
  [ -n "$id" ] && { "$smm" inbox reply "$id" "Thanks for writing!" || true; }
done

# Any request the mock refused or could not match fails this script.
tail -n +"$((before + 1))" "$log" | python3 -c '
import re, sys
requests = bad = 0
last = ""
block = None
def close():
    global bad
    if block is not None:
        bad += 1
        print("violation:", last, block, file=sys.stderr)
for line in sys.stdin:
    m = re.search(r"\[HTTP SERVER\] (\w+ \S+)", line)
    if m:
        close(); block = None
        requests += 1
        last = m.group(1)
    elif "Request did not pass the validation rules" in line:
        block = []
    elif block is not None and "\u2716" in line and "error" in line:
        block.append(re.sub(r"^.*error\s+(Violation: request\S* )?", "", line.strip()))
    elif re.search(r"NO_(PATH|METHOD)_MATCHED", line):
        bad += 1
        print("unknown endpoint:", last, file=sys.stderr)
close()
print(f"peers-mastodon: {requests} requests, {bad} failed validation")
sys.exit(1 if bad else 0)
'
