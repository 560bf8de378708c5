smm audit: silent when clean, findings as lines, exit 3 on errors, json, sarif, --rules.

$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm plan add "Hello" --to feed --at "2026-11-24 09:00" --id hello && smm audit
hello

$ cd demo && smm plan add "#a #b #c #d #e #f" --to feed --at "2026-11-25 09:00" --id tags && smm audit
tags
posts/tags.json: /text: too-many-hashtags: 6 hashtags, more than 5

$ cd demo && printf '{\n  "status": "scheduled",\n  "at": "2026-11-20T09:00:00+01:00",\n  "targets": [\n    "feed"\n  ],\n  "text": "Late"\n}\n' > posts/late.json && smm audit
posts/late.json: /at: past-due: due 2026-11-20 09:00 (3d ago) and not published to feed
posts/tags.json: /text: too-many-hashtags: 6 hashtags, more than 5
[exit 3]

$ cd demo && smm audit tags posts/hello.json
posts/tags.json: /text: too-many-hashtags: 6 hashtags, more than 5

$ cd demo && smm audit late --format json
{
  "findings": [
    {
      "file": "posts/late.json",
      "pointer": "/at",
      "line": 3,
      "rule": "past-due",
      "severity": "error",
      "message": "due 2026-11-20 09:00 (3d ago) and not published to feed",
      "hint": "move it with `smm plan set late --at WHEN`, or `smm plan set late --queue`"
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 0,
    "notes": 0
  }
}
[exit 3]

$ cd demo && smm audit -o audit.sarif; echo "exit $?"; grep -c '"ruleId"' audit.sarif; grep '"startLine"' audit.sarif
exit 3
2
                  "startLine": 3
                  "startLine": 7

$ cd demo && smm audit --rules | head -3
id	family	severity	summary
text-too-long	limits	error	a thread part is longer than the platform counts as allowed
media-missing	media	error	a media file does not exist

$ cd demo && printf '{"schema_version": 1, "name": "demo", "zone": "Europe/Paris", "audit": {"rules": {"past-due": "warning", "too-many-hashtags": {"max": 6}}}}\n' > smm.json && smm audit
posts/late.json: /at: past-due: due 2026-11-20 09:00 (3d ago) and not published to feed

$ cd demo && smm audit --format tsv
[stderr]
smm: error: --format: audit writes text, json or sarif, not "tsv"
hint: e.g. `smm audit --format sarif -o audit.sarif`
[exit 2]

$ cd demo && smm audit nope
[stderr]
smm: error: no post "nope"
hint: see `smm plan list --all` for post ids
[exit 1]
