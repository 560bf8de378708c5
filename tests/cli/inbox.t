smm inbox sync: nothing to sync without a Mastodon or Bluesky account, usage errors, bad watches, credentials missing.

$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm inbox sync

$ cd demo && smm inbox sync --account feed
[stderr]
smm: error: account feed (feed) has no inbox smm can sync
hint: inbox sync works with mastodon and bluesky accounts
[exit 2]

$ cd demo && smm inbox sync --account fede
[stderr]
smm: error: no account "fede" (did you mean "feed"?)
hint: see `smm account list`
[exit 2]

$ cd demo && smm account add masto --platform mastodon --server http://127.0.0.1:9 --handle acme >/dev/null && SMM_CREDENTIALS=$PWD/none.json smm inbox sync
[stderr]
smm: error: masto: no credentials for mastodon:acme@127.0.0.1:9
hint: run `smm account login masto`
[exit 4]

$ cd demo && python3 -c 'import json; d=json.load(open("smm.json")); d["watches"]=[{"name":"brand","account":"mast","hashtag":"smm"}]; json.dump(d, open("smm.json","w"))' && smm inbox sync
[stderr]
smm: error: smm.json: /watches/0/account: unknown account "mast" (did you mean "masto"?)
hint: see `smm account list`
[exit 1]
