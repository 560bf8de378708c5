$ smm init demo --zone Europe/Paris
[stderr]
Created an smm project in demo (zone Europe/Paris)
  .gitignore
  smm.json
  accounts/feed.json
  posts/welcome.json
Next: smm plan add "Hello" --to feed --at "tomorrow 09:00"

$ cat demo/smm.json demo/accounts/feed.json demo/.gitignore
{
  "schema_version": 1,
  "name": "demo",
  "zone": "Europe/Paris",
  "slots": "mon-fri 09:00,13:00",
  "thread": "auto",
  "thread_markers": true,
  "feed": {
    "title": "demo",
    "home_page_url": "https://example.com/"
  }
}
{
  "platform": "feed"
}
.smm/

$ smm init demo
[stderr]
smm: error: a project already exists in demo
hint: nothing was changed; use it as it is
[exit 1]

$ smm init other --zone Europe/Pari
[stderr]
smm: error: --zone: unknown time zone "Europe/Pari"
hint: did you mean "Europe/Paris"?
[exit 2]

$ cd demo && smm account add masto --platform mastodon --server https://mastodon.example --handle acme --zone America/New_York

$ cd demo && smm account add masto --platform mastodon
[stderr]
smm: error: account "masto" already exists
hint: remove it first with `smm account rm masto`, or pick another name
[exit 1]

$ cd demo && smm account add blue --platform bluesy
[stderr]
smm: error: unknown platform "bluesy"
hint: did you mean "bluesky"?
[exit 2]

$ cd demo && smm account add Bad_Name --platform feed
[stderr]
smm: error: invalid account name "Bad_Name"
hint: use lower-case letters, digits and '-', e.g. acme-mastodon
[exit 2]

$ cd demo && smm account list
name	platform	handle	server	zone	slots	limit	paused
feed	feed			Europe/Paris	mon-fri 09:00,13:00		false
masto	mastodon	acme	https://mastodon.example	America/New_York	mon-fri 09:00,13:00	500	false

$ cd demo && smm account list --json
[
  {
    "name": "feed",
    "platform": "feed",
    "handle": "",
    "server": "",
    "zone": "Europe/Paris",
    "slots": "mon-fri 09:00,13:00",
    "limit": null,
    "paused": false
  },
  {
    "name": "masto",
    "platform": "mastodon",
    "handle": "acme",
    "server": "https://mastodon.example",
    "zone": "America/New_York",
    "slots": "mon-fri 09:00,13:00",
    "limit": 500,
    "paused": false
  }
]

$ cd demo && smm account rm masto
[stderr]
smm: error: removing account "masto" needs confirmation
hint: pass --yes
[exit 2]

$ cd demo && smm account rm masto --yes && smm account list
name	platform	handle	server	zone	slots	limit	paused
feed	feed			Europe/Paris	mon-fri 09:00,13:00		false

$ cd demo && smm account rm nope --yes
[stderr]
smm: error: no account "nope"
hint: see `smm account list`
[exit 1]

$ smm account list
[stderr]
smm: error: not inside an smm project (no smm.json here or above)
hint: run `smm init` to create one, or pass -C DIR
[exit 1]

$ smm -C demo account list --format csv
name,platform,handle,server,zone,slots,limit,paused
feed,feed,,,Europe/Paris,"mon-fri 09:00,13:00",,false

$ smm acount list
[stderr]
smm: error: unknown command or argument "acount"
hint: did you mean "account"?
[exit 2]

$ smm --version
smm 0.1.0

$ smm
smm: social-media management as code

usage: smm <command> [flags]

commands:
  init       create a project directory
  account    add, list and remove accounts
  plan       the content calendar: add, list, show, queue, import, export, calendar
  audit      lint the calendar: limits, media, alt text, schedule, brand, credentials
  post       publish what is due (run it from cron)
  inbox      the conversation queue: sync, list, show, reply, done, assign, tag
  report     numbers for people and spreadsheets: pull, posts, accounts, response, html

examples:
  smm init demo --zone Europe/Paris
  smm plan add "Launch day!" --to feed --at "tomorrow 09:00"
  smm plan add "An evergreen tip" --to feed --queue && smm plan queue
  smm plan calendar --week
  smm audit --format sarif -o smm.sarif
  smm post --dry-run && smm post
  smm inbox sync && smm inbox
  smm report pull && smm report posts -M -p 2026q4 --format csv -o q4.csv

Run `smm <command> --help` for a command's flags, `man smm` for the whole story.
