#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders `smm report html` for a demo project and screenshots it with headless Chromium, so a
# person (or the `render` ctest) can check that the page really draws: charts, tables, text.
#
#   scripts/render-report-html.sh [SMM] [OUTDIR]
#
# SMM defaults to build/cmd/smm, OUTDIR to build/render. Leaves OUTDIR/report.html,
# OUTDIR/desktop.png (1200x2000) and OUTDIR/phone.png (390x2600). The demo data (two accounts, a
# month of daily follower snapshots, 14 posts, inbox items with replies) is written directly in
# the documented formats (lib/smm/report/snapshot.hpp, lib/smm/inbox/item.hpp and state.hpp),
# from a fixed seed, with the clock pinned: the same run gives the same page.
# Needs python3 and chromium (`apt-get install chromium`); exits 77 (skip) without chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
smm="$(realpath "${1:-build/cmd/smm}")"
out="${2:-build/render}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-report-html: chromium is not installed; install it with: apt-get install chromium" >&2
  exit 77
fi
rm -rf "$out"
mkdir -p "$out"
out="$(realpath "$out")"
export SMM_NOW=2026-11-30T18:00:00Z
"$smm" init "$out/project" --name "Demo Bakery <&> Co" --zone Europe/Paris >/dev/null 2>&1
cd "$out/project"
"$smm" account add masto --platform mastodon --server https://bakery.example --handle bakery >/dev/null
"$smm" account add bsky --platform bluesky --handle bakery.example.com >/dev/null

python3 - <<'EOF'
import hashlib, json, os, random
from datetime import datetime, timedelta, timezone

rnd = random.Random(7)
utc = timezone.utc
start = datetime(2026, 11, 1, 9, 0, tzinfo=utc)
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
def append(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a") as f:
        for line in lines:
            f.write(json.dumps(line, separators=(",", ":"), ensure_ascii=False) + "\n")

texts = [
    "Fresh sourdough is out of the oven. Come early, it goes fast!",
    "This week's special: cardamom buns. Made with love, gone by noon.",
    "Behind the scenes: our bakers start at 4 am. Good bread needs time.",
    "Weekend hours: open 8 to 14 on Saturday.",
    "Tip: freeze sliced bread and toast it straight from the freezer.",
    "Pain au chocolat vs. chocolatine? Tell us <b>your</b> answer & why.",
    "<script>alert('not run')</script> is just text here: everything is escaped.",
    "New: rye & caraway loaf, every Tuesday and Friday.",
    "Thank you for 1,000 followers! Free coffee with any croissant today.",
    "Our flour comes from a mill 40 km away. Meet the miller in our next post.",
    "Christmas stollen pre-orders are open. Limited batch.",
    "Gluten-free loaves are back, by popular demand.",
    "Closed on Monday for a well-earned rest.",
    "Croissant lamination, step by step: 27 layers of butter.",
]
accounts = {"masto": 1180, "bsky": 640}
posts = []
for i, text in enumerate(texts):
    at = start + timedelta(days=2 * i, hours=rnd.randint(0, 8))
    account = "masto" if i % 3 != 2 else "bsky"
    pid = f"{at:%Y-%m-%d}-post-{i + 1:02d}"
    remote = str(110000 + i)
    url = (f"https://bakery.example/@bakery/{remote}" if account == "masto"
           else f"https://bsky.app/profile/bakery.example.com/post/3k{remote}")
    doc = {"status": "scheduled", "at": iso(at), "targets": [account], "text": text,
           "publish": {account: {"state": "published", "remote_id": remote, "url": url, "at": iso(at)}}}
    with open(f"posts/{pid}.json", "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    posts.append((pid, account, remote, at))

for account, followers in accounts.items():
    lines = []
    for day in range(30):
        followers += rnd.randint(-2, 12 if account == "masto" else 7)
        lines.append({"fetched_at": iso(start + timedelta(days=day, hours=10)), "account": account,
                      "followers": followers, "following": 300, "posts": 400 + day})
    append(f"reports/{account}/2026-11.jsonl", lines)

for pid, account, remote, at in posts:
    lines, likes, reposts, replies = [], 0, 0, 0
    t = at + timedelta(hours=3)
    while t < datetime(2026, 11, 30, 12, tzinfo=utc):
        likes += rnd.randint(0, 25)
        reposts += rnd.randint(0, 6)
        replies += rnd.randint(0, 3)
        lines.append({"fetched_at": iso(t), "account": account, "post": pid, "remote_id": remote,
                      "likes": likes, "reposts": reposts, "replies": replies})
        t += timedelta(days=1)
    append(f"reports/{account}/2026-11.jsonl", lines)

kinds = ["mention", "reply", "reply", "quote", "dm", "watch"]
for account in accounts:
    items, state = [], {"items": {}}
    for n in range(40):
        created = start + timedelta(hours=rnd.randint(0, 29 * 24))
        remote = f"{account}-{n}"
        iid = hashlib.sha256(f"{account}\n{remote}".encode()).hexdigest()[:10]
        kind = kinds[rnd.randint(0, len(kinds) - 1)]
        items.append({"id": iid, "account": account, "platform": "mastodon" if account == "masto" else "bluesky",
                      "kind": kind, "remote_id": remote, "author": {"handle": f"fan{n}@example.social"},
                      "text": f"Question {n} about bread <3", "created_at": iso(created),
                      "source": "notifications", "cursor": str(n), "synced_at": iso(created + timedelta(minutes=5))})
        if kind != "watch" and rnd.random() < 0.8:
            replied = created + timedelta(minutes=rnd.choice([12, 40, 90, 200, 600, 1500, 3000]))
            if replied < datetime(2026, 11, 30, 18, tzinfo=utc):
                state["items"][iid] = {"status": "done", "replies": [{"state": "published", "key": f"k{n}",
                                       "text": "Thanks!", "at": iso(replied), "remote_id": f"r{n}"}]}
    items.sort(key=lambda x: x["created_at"])
    append(f"inbox/{account}/2026-11.jsonl", items)
    with open(f"inbox/{account}/state.json", "w") as f:
        json.dump(state, f, indent=2, sort_keys=True)
        f.write("\n")
EOF

"$smm" report html -p 2026-11 --title "Demo Bakery: November 2026" -o "$out/report.html"
shot() {
  # --no-sandbox: containers and CI runners often run as root, where Chromium's sandbox refuses.
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --screenshot="$1" --window-size="$2" "file://$out/report.html" >/dev/null 2>&1
}
shot "$out/desktop.png" 1200,2000
shot "$out/phone.png" 390,2600
echo "$out/report.html $out/desktop.png $out/phone.png"
