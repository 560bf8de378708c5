$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && smm account add masto --platform mastodon >/dev/null && smm plan add "Launch, with \"quotes\" and a comma" --to feed,masto --at "2026-11-24 09:00" --tag launch --campaign q4 --id launch && smm plan add "$(printf 'Line one\nline two 🎉')" --to feed --queue --id multi
launch
multi

$ cd demo && smm plan export
id,at,zone,status,targets,text,media,alt,tags,campaign,thread,first_comment
multi,2026-11-23T13:00:00+01:00,,queued,feed,"Line one
line two 🎉",,,,,,
launch,2026-11-24T09:00:00+01:00,,scheduled,"feed,masto","Launch, with ""quotes"" and a comma",,,launch,q4,,
welcome,,,draft,feed,"Hello from smm! This is a draft: edit it with `smm plan edit welcome`, or plan your own with `smm plan add`.",,,,,,

$ cd demo && smm plan export > a.csv && sha1sum posts/*.json > before && smm plan import a.csv && sha1sum -c --quiet before && smm plan export | cmp - a.csv && echo round trip unchanged
row	id	action
2	multi	unchanged
3	launch	unchanged
4	welcome	unchanged
round trip unchanged

$ cd demo && printf 'id,at,targets,text,tags\n,2026-11-26 10:00,feed,Fresh from a spreadsheet,"a,b"\n,soon,feed,Bad time,\n,2026-11-27 10:00,bksy,Bad account,\n' > new.csv && smm plan import new.csv --dry-run; ls posts | wc -l
row	id	action
2	2026-11-26-fresh-from-a-spreadsheet	new
3		error
4		error
3
[stderr]
smm: error: new.csv:3: at: invalid time "soon"
hint: use one of "2026-11-24T09:00:00+01:00", "2026-11-24 09:00", "2026-11-24", "now", "+2h", "+1h30m", "today 17:00", "tomorrow 09:00", "monday 10:00", "next monday 10:00"
smm: error: new.csv:4: targets: unknown account "bksy"
hint: see `smm account list`

$ cd demo && smm plan import new.csv; ls posts
row	id	action
2	2026-11-26-fresh-from-a-spreadsheet	new
3		error
4		error
2026-11-26-fresh-from-a-spreadsheet.json
launch.json
multi.json
welcome.json
[stderr]
smm: error: new.csv:3: at: invalid time "soon"
hint: use one of "2026-11-24T09:00:00+01:00", "2026-11-24 09:00", "2026-11-24", "now", "+2h", "+1h30m", "today 17:00", "tomorrow 09:00", "monday 10:00", "next monday 10:00"
smm: error: new.csv:4: targets: unknown account "bksy"
hint: see `smm account list`

$ cd demo && printf 'id,text\n"unterminated,x\n' > broken.csv && smm plan import broken.csv
[stderr]
smm: error: broken.csv: line 2, column 1: unterminated quoted field
hint: enclose fields that contain commas, quotes or line breaks in double quotes, and write a quote inside such a field as two quotes (""); nothing was imported
[exit 1]

$ cd demo && printf 'id,at\nx,2026-11-26 10:00\n' > nocols.csv && smm plan import nocols.csv
[stderr]
smm: error: nocols.csv: missing columns "targets" and "text"
hint: the first row names the columns: id, at, zone, status, targets, text, media, alt, tags, campaign, thread, first_comment (see `smm plan export`); nothing was imported
[exit 1]

$ cd demo && smm plan calendar --week
Week 48, 23–29 November 2026 (Europe/Paris)

Mon 23    |Tue 24    |Wed 25    |Thu 26    |Fri 27    |Sat 28    |Sun 29
----------+----------+----------+----------+----------+----------+----------
13:00     |09:00     |          |10:00     |          |          |
Line one  |Launch,   |          |Fresh from|          |          |
line two  |with      |          |a         |          |          |
🎉        |"quotes"… |          |spreadshe…|          |          |

$ cd demo && smm plan calendar --month -p 2026-11
November 2026 (Europe/Paris)

Mon       |Tue       |Wed       |Thu       |Fri       |Sat       |Sun
----------+----------+----------+----------+----------+----------+----------
          |          |          |          |          |          |1
----------+----------+----------+----------+----------+----------+----------
2         |3         |4         |5         |6         |7         |8
----------+----------+----------+----------+----------+----------+----------
9         |10        |11        |12        |13        |14        |15
----------+----------+----------+----------+----------+----------+----------
16        |17        |18        |19        |20        |21        |22
----------+----------+----------+----------+----------+----------+----------
23        |24        |25        |26        |27        |28        |29
13:00     |09:00     |          |10:00     |          |          |
Line one… |Launch, w…|          |Fresh fro…|          |          |
----------+----------+----------+----------+----------+----------+----------
30        |          |          |          |          |          |

$ cd demo && smm plan calendar --ics - -p 2026-11-24 | sed 's/\r$/<CR>/'
BEGIN:VCALENDAR<CR>
VERSION:2.0<CR>
PRODID:-//smm//smm 0.1.0//EN<CR>
CALSCALE:GREGORIAN<CR>
X-WR-CALNAME:demo<CR>
BEGIN:VEVENT<CR>
UID:launch@smm<CR>
DTSTAMP:20261123T100000Z<CR>
DTSTART:20261124T080000Z<CR>
DURATION:PT15M<CR>
SUMMARY:Launch\, with "quotes" and a comma [feed\, masto]<CR>
DESCRIPTION:Launch\, with "quotes" and a comma\n\nTargets: feed\, masto\nSt<CR>
 atus: scheduled<CR>
CATEGORIES:launch<CR>
STATUS:CONFIRMED<CR>
END:VEVENT<CR>
END:VCALENDAR<CR>

$ cd demo && smm plan calendar --week --month
[stderr]
smm: error: --week and --month cannot be combined
hint: pick one (the week is the default)
[exit 2]
