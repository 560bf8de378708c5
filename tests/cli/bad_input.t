$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm plan add "Good one" --to feed --at "2026-11-24 09:00" --id good
good

$ cd demo && printf '{\n  "status": "scheduled",\n  "targets": ["feed"]\n  "text": "x"\n}\n' > posts/broken.json && smm plan list
id	at	status	targets	tags	campaign	text
good	2026-11-24T09:00:00+01:00	scheduled	feed			Good one
welcome		draft	feed			Hello from smm! This is a draft: edit it with `smm plan edit welcome`, or plan your own with `smm plan add`.
[stderr]
smm: error: posts/broken.json: invalid JSON at line 4, column 8: syntax error while parsing object - unexpected string literal; expected '}'
hint: fix the JSON syntax there (a missing comma or quote is the usual cause)
[exit 1]

$ cd demo && printf '{"status": "later", "targets": ["bksy", 3], "text": 5, "at": "tomorrow"}\n' > posts/wrong.json && smm plan list
id	at	status	targets	tags	campaign	text
good	2026-11-24T09:00:00+01:00	scheduled	feed			Good one
welcome		draft	feed			Hello from smm! This is a draft: edit it with `smm plan edit welcome`, or plan your own with `smm plan add`.
[stderr]
smm: error: posts/broken.json: invalid JSON at line 4, column 8: syntax error while parsing object - unexpected string literal; expected '}'
hint: fix the JSON syntax there (a missing comma or quote is the usual cause)
smm: error: posts/wrong.json: /targets/1: expected a string, found a number
smm: error: posts/wrong.json: /text: expected a string, found a number
smm: error: posts/wrong.json: /at: invalid time "tomorrow"
hint: write RFC 3339 with an offset, e.g. 2026-11-24T09:00:00+01:00
[exit 1]

$ cd demo && cp smm.json smm.bak && sed -i 's|Europe/Paris|Europe/Pariss|' smm.json && smm plan list; mv smm.bak smm.json
[stderr]
smm: error: smm.json: /zone: unknown time zone "Europe/Pariss"
hint: did you mean "Europe/Paris"?

$ cd demo && rm posts/broken.json posts/wrong.json && printf '{"zone": "Mars/Base"' > smm.json && smm plan list
[stderr]
smm: error: smm.json: invalid JSON at line 1, column 21: syntax error while parsing object - unexpected end of input; expected '}'
hint: fix the JSON syntax there (a missing comma or quote is the usual cause)
[exit 1]

$ smm init two --zone Europe/Paris >/dev/null 2>&1; cd two && printf '{"platform": "mastodn", "slots": "mon 25:00", "zone": "Mars/Olympus"}\n' > accounts/m.json && smm account list
name	platform	handle	server	zone	slots	limit	paused
feed	feed			Europe/Paris	mon-fri 09:00,13:00		false
[stderr]
smm: error: accounts/m.json: /platform: unknown platform "mastodn"
hint: did you mean "mastodon"?
smm: error: accounts/m.json: /slots: invalid slots "mon 25:00": bad time "25:00" (expected HH:MM, 24h)
hint: write days then 24h times, groups separated by ';', e.g. "mon-fri 09:00,13:00; sat 10:00" (days: mon..sun, ranges like mon-fri or fri-mon, lists like mon,wed, daily, weekdays, weekends)
smm: error: accounts/m.json: /zone: unknown time zone "Mars/Olympus"
hint: use an IANA zone name such as "Europe/Paris" or "UTC"
[exit 1]

$ cd two && sed -i 's|"thread": "auto"|"thread": "sometimes"|' smm.json && smm plan list
[stderr]
smm: error: smm.json: /thread: unknown thread mode "sometimes"
hint: use auto or off
[exit 1]
