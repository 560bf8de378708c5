smm report pull: nothing to pull on a project with only the feed, the feed named is a usage error, missing credentials are exit 4 (nothing is sent without them), a bad period.

$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm report pull

$ cd demo && smm report pull --account feed
[stderr]
smm: error: --account: smm cannot pull metrics from feed (feed)
hint: report pull reads Mastodon and Bluesky accounts
[exit 2]

$ cd demo && smm account add sky --platform bluesky --server http://127.0.0.1:9 --handle alice.test >/dev/null 2>&1 && smm report pull
[stderr]
smm: error: sky: no credentials for bluesky:alice.test
hint: run `smm account login sky`
[exit 4]

$ cd demo && smm report pull --account sky -p someday
[stderr]
smm: error: -p: invalid period "someday"
hint: use a date ("2026", "2026-11", "2026q4", "q4", "2026-11-24"), "today", "yesterday", "this week", "last month", "next quarter", or a range: "from 2026-11-01 to 2026-12-01", "2026-11..2026-12", "since 2026-11", "until 2027"
[exit 2]
