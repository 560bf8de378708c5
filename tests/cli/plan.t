$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm account add masto --platform mastodon --chars 100

$ cd demo && smm plan add "Launch day! Our new product ships today." --to feed,masto --at "tomorrow 09:00" --tag launch --campaign q4
2026-11-24-launch-day-our-new-product

$ cd demo && echo "Tip of the week: keep posts short." | smm plan add - --to feed --queue
2026-11-23-tip-of-the-week-keep

$ cd demo && smm plan add "Another evergreen tip" --to feed --queue --id tip-2
tip-2

$ cd demo && smm plan add "No target" --to fed
[stderr]
smm: error: --to: unknown account "fed"
hint: did you mean "feed"?
[exit 2]

$ cd demo && smm plan add "Both" --to feed --at "+1h" --queue
[stderr]
smm: error: --at and --queue both given
hint: a post has a fixed time (--at) or takes the next free slot (--queue)
[exit 2]

$ cd demo && smm plan add "Bad time" --to feed --at "someday"
[stderr]
smm: error: --at: invalid time "someday"
hint: use one of "2026-11-24T09:00:00+01:00", "2026-11-24 09:00", "2026-11-24", "now", "+2h", "+1h30m", "today 17:00", "tomorrow 09:00", "monday 10:00", "next monday 10:00"
[exit 2]

$ cd demo && smm plan add --to feed </dev/null
[stderr]
smm: error: no text given
hint: pass the text as an argument, or - to read it from stdin
[exit 2]

$ cd demo && smm plan list
id	at	status	targets	tags	campaign	text
2026-11-23-tip-of-the-week-keep	2026-11-23T13:00:00+01:00	queued	feed			Tip of the week: keep posts short.
2026-11-24-launch-day-our-new-product	2026-11-24T09:00:00+01:00	scheduled	feed,masto	launch	q4	Launch day! Our new product ships today.
tip-2	2026-11-24T13:00:00+01:00	queued	feed			Another evergreen tip
welcome		draft	feed			Hello from smm! This is a draft: edit it with `smm plan edit welcome`, or plan your own with `smm plan add`.

$ cd demo && smm plan list --json
[
  {
    "id": "2026-11-23-tip-of-the-week-keep",
    "at": "2026-11-23T13:00:00+01:00",
    "status": "queued",
    "targets": "feed",
    "tags": "",
    "campaign": "",
    "text": "Tip of the week: keep posts short."
  },
  {
    "id": "2026-11-24-launch-day-our-new-product",
    "at": "2026-11-24T09:00:00+01:00",
    "status": "scheduled",
    "targets": "feed,masto",
    "tags": "launch",
    "campaign": "q4",
    "text": "Launch day! Our new product ships today."
  },
  {
    "id": "tip-2",
    "at": "2026-11-24T13:00:00+01:00",
    "status": "queued",
    "targets": "feed",
    "tags": "",
    "campaign": "",
    "text": "Another evergreen tip"
  },
  {
    "id": "welcome",
    "at": null,
    "status": "draft",
    "targets": "feed",
    "tags": "",
    "campaign": "",
    "text": "Hello from smm! This is a draft: edit it with `smm plan edit welcome`, or plan your own with `smm plan add`."
  }
]

$ cd demo && smm plan list --tag launch --format csv
id,at,status,targets,tags,campaign,text
2026-11-24-launch-day-our-new-product,2026-11-24T09:00:00+01:00,scheduled,"feed,masto",launch,q4,Launch day! Our new product ships today.

$ cd demo && smm plan list -p 2026-12

$ cd demo && smm plan list -p "next year"

$ cd demo && smm plan add "A long thread. $(printf 'This sentence is here to fill space. %.0s' 1 2 3 4 5 6)" --to masto --at "2026-11-25 10:00" --id long
long

$ cd demo && smm plan show long
long  scheduled  2026-11-25T10:00:00+01:00 (in 1d)

→ masto (mastodon)  2026-11-25T10:00 Europe/Paris
  [1/3] 92/100 graphemes
    A long thread. This sentence is here to fill space. This sentence is here to fill space. 1/3
  [2/3] 77/100 graphemes
    This sentence is here to fill space. This sentence is here to fill space. 2/3
  [3/3] 77/100 graphemes
    This sentence is here to fill space. This sentence is here to fill space. 3/3

$ cd demo && smm plan show long --json
{
  "id": "long",
  "status": "scheduled",
  "at": "2026-11-25T10:00:00+01:00",
  "targets": [
    {
      "account": "masto",
      "platform": "mastodon",
      "zone": "Europe/Paris",
      "at": "2026-11-25T10:00:00+01:00",
      "limit": 100,
      "unit": "graphemes",
      "over_limit": false,
      "parts": [
        {
          "text": "A long thread. This sentence is here to fill space. This sentence is here to fill space. 1/3",
          "length": 92
        },
        {
          "text": "This sentence is here to fill space. This sentence is here to fill space. 2/3",
          "length": 77
        },
        {
          "text": "This sentence is here to fill space. This sentence is here to fill space. 3/3",
          "length": 77
        }
      ],
      "state": null,
      "paused": false
    }
  ],
  "media": [],
  "first_comment": "",
  "tags": [],
  "campaign": "",
  "approved": null
}

$ cd demo && smm plan show lnog
[stderr]
smm: error: no post "lnog"
hint: did you mean "long"?
[exit 1]

$ cd demo && smm plan set tip-2 --at "2026-11-30 08:15" && smm plan list --status scheduled
id	at	status	targets	tags	campaign	text
2026-11-24-launch-day-our-new-product	2026-11-24T09:00:00+01:00	scheduled	feed,masto	launch	q4	Launch day! Our new product ships today.
long	2026-11-25T10:00:00+01:00	scheduled	masto			A long thread. This sentence is here to fill space. This sentence is here to fill space. This sentence is here to fill space. This sentence is here to fill space. This sentence is here to fill space. This sentence is here to fill space.
tip-2	2026-11-30T08:15:00+01:00	scheduled	feed			Another evergreen tip

$ cd demo && smm plan set tip-2 --to nobody
[stderr]
smm: error: --to: unknown account "nobody"
hint: see `smm account list`
[exit 2]

$ cd demo && smm plan slots
account	zone	slots	source	next
feed	Europe/Paris	mon-fri 09:00,13:00	project	2026-11-23T13:00:00+01:00
masto	Europe/Paris	mon-fri 09:00,13:00	project	2026-11-23T13:00:00+01:00

$ cd demo && smm plan slots masto --set "mon-fri 10:00; sat 11:30"

$ cd demo && smm plan slots masto --set "mon-xyz 10:00"
[stderr]
smm: error: --set: invalid slots "mon-xyz 10:00": unknown day "mon-xyz"
hint: write days then 24h times, groups separated by ';', e.g. "mon-fri 09:00,13:00; sat 10:00" (days: mon..sun, ranges like mon-fri or fri-mon, lists like mon,wed, daily, weekdays, weekends)
[exit 2]

$ cd demo && smm plan slots
account	zone	slots	source	next
feed	Europe/Paris	mon-fri 09:00,13:00	project	2026-11-23T13:00:00+01:00
masto	Europe/Paris	mon-fri 10:00; sat 11:30	account	2026-11-24T10:00:00+01:00

$ cd demo && smm plan set tip-2 --queue && smm plan queue --dry-run

$ cd demo && smm plan queue && smm plan queue

$ cd demo && smm plan diff -p "2026-11-24"
2026-11-24-launch-day-our-new-product  scheduled  2026-11-24T09:00:00+01:00 (in 22h)
tags: launch  campaign: q4

→ feed (feed)  2026-11-24T09:00 Europe/Paris
  [1/1] 40
    Launch day! Our new product ships today.

→ masto (mastodon)  2026-11-24T09:00 Europe/Paris
  [1/1] 40/100 graphemes
    Launch day! Our new product ships today.

tip-2  queued  2026-11-24T13:00:00+01:00 (in 1d)

→ feed (feed)  2026-11-24T13:00 Europe/Paris
  [1/1] 21
    Another evergreen tip

$ cd demo && smm plan approve long --by alice && grep -A4 approval posts/long.json
long	sha256:9a4a13ad897a3af9ebd70baa654adcdc79d632d8c43bd9dccf8f25b16d87a498
  "approval": {
    "by": "alice",
    "at": "2026-11-23T11:00:00+01:00",
    "hash": "sha256:9a4a13ad897a3af9ebd70baa654adcdc79d632d8c43bd9dccf8f25b16d87a498"
  }

$ cd demo && smm plan show long | head -3
long  scheduled  2026-11-25T10:00:00+01:00 (in 1d)
approved by alice at 2026-11-23T11:00:00+01:00

$ cd demo && smm plan set long --text "Changed after approval" && smm plan show long | head -3
long  scheduled  2026-11-25T10:00:00+01:00 (in 1d)
approved by alice at 2026-11-23T11:00:00+01:00  (CHANGED since approval)

$ cd demo && smm plan pause && grep paused smm.json && smm plan resume && grep -c paused smm.json || true
  "paused": true,
0

$ cd demo && smm plan pause --account masto && grep paused accounts/masto.json
  "paused": true

$ cd demo && smm plan rm long
[stderr]
smm: error: removing posts needs confirmation
hint: pass --yes
[exit 2]

$ cd demo && smm plan rm long --yes && ls posts
2026-11-23-tip-of-the-week-keep.json
2026-11-24-launch-day-our-new-product.json
tip-2.json
welcome.json

$ cd demo && smm plan rm long --yes
[stderr]
smm: error: no post "long"
hint: nothing was removed; see `smm plan list --all`
[exit 1]

$ cd demo && EDITOR="sed -i s/evergreen/timeless/" smm plan edit tip-2 && grep text posts/tip-2.json
  "text": "Another timeless tip",

$ cd demo && EDITOR="sed -i s/feed/fed/" smm plan edit tip-2 --no-input; grep fed posts/tip-2.json
[stderr]
smm: error: an editor is needed but --no-input was given
hint: pass the text as an argument or on stdin
[exit 1]

$ cd demo && smm plan --bogus
[stderr]
smm: error: unknown flag "--bogus"
hint: see `smm plan --help`
[exit 2]
