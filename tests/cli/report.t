smm report: snapshots in reports/<account>/<yyyy-mm>.jsonl as tidy tables, csv for spreadsheets, a torn line skipped with a warning, usage errors.

$ smm init demo --zone Europe/Paris >/dev/null 2>&1; cd demo && mkdir -p reports/feed && printf '%s\n' '{"fetched_at":"2026-10-20T08:00:00+00:00","account":"feed","followers":40}' '{"fetched_at":"2026-10-20T08:00:00+00:00","account":"feed","post":"launch","remote_id":"1","likes":3,"reposts":1}' > reports/feed/2026-10.jsonl && printf '%s\n' '{"fetched_at":"2026-11-20T08:00:00+00:00","account":"feed","followers":50}' '{"fetched_at":"2026-11-20T08:00:00+00:00","account":"feed","post":"launch","remote_id":"1","likes":9,"reposts":1}' > reports/feed/2026-11.jsonl && smm report posts -M
interval	account	post	likes	reposts	interactions	followers	engagement_rate	likes_delta	reposts_delta	interactions_delta
2026-10-01	feed	launch	3	1	4	40	0.1000	3	1	4
2026-11-01	feed	launch	9	1	10	50	0.2000	6	0	6

$ cd demo && smm report posts -M --format csv
interval,account,post,likes,reposts,interactions,followers,engagement_rate,likes_delta,reposts_delta,interactions_delta
2026-10-01,feed,launch,3,1,4,40,0.1000,3,1,4
2026-11-01,feed,launch,9,1,10,50,0.2000,6,0,6

$ cd demo && smm report accounts -p "last month"
interval	account	followers	followers_delta
2026-10-01	feed	40	

$ cd demo && smm report posts -p 2026-Q4 --json
[
  {
    "interval": "2026-10-01",
    "account": "feed",
    "post": "launch",
    "likes": 9,
    "reposts": 1,
    "interactions": 10,
    "followers": 50,
    "engagement_rate": 0.2,
    "likes_delta": 9,
    "reposts_delta": 1,
    "interactions_delta": 10
  }
]

$ cd demo && printf '{"fetched_at":"2026-11-21T08:00:00+00:00","acc' >> reports/feed/2026-11.jsonl && smm report accounts -M
interval	account	followers	followers_delta
2026-10-01	feed	40	
2026-11-01	feed	50	10
[stderr]
smm: warning: reports/feed/2026-11.jsonl:3: skipped a line that is not a snapshot: invalid JSON (A string is opened, but never closed.)

$ cd demo && smm report posts -D -W
[stderr]
smm: error: choose one interval: -D, -W, -M, -Q or -Y
hint: e.g. `smm report posts -M -p 2026`
[exit 2]

$ cd demo && smm report posts --account fed
[stderr]
smm: error: --account: unknown account "fed"
hint: did you mean "feed"?
[exit 2]

$ cd demo && smm report posts -p someday
[stderr]
smm: error: -p: invalid period "someday"
hint: use a date ("2026", "2026-11", "2026q4", "q4", "2026-11-24"), "today", "yesterday", "this week", "last month", "next quarter", or a range: "from 2026-11-01 to 2026-12-01", "2026-11..2026-12", "since 2026-11", "until 2027"
[exit 2]

$ cd demo && mkdir -p inbox/feed && printf '%s\n' '{"id":"a000000001","account":"feed","platform":"feed","kind":"mention","remote_id":"1","text":"Open today?","created_at":"2026-11-10T08:00:00Z"}' '{"id":"a000000002","account":"feed","platform":"feed","kind":"watch","remote_id":"2","text":"bakery","created_at":"2026-11-10T09:00:00Z"}' '{"id":"a000000003","account":"feed","platform":"feed","kind":"dm","remote_id":"3","text":"Gluten-free?","created_at":"2026-11-12T08:00:00Z"}' > inbox/feed/2026-11.jsonl && printf '%s\n' '{"items": {"a000000001": {"status": "done", "replies": [{"state": "published", "key": "k1", "text": "Yes!", "at": "2026-11-10T08:45:00Z", "remote_id": "r1"}]}}}' > inbox/feed/state.json && smm report response -M
interval	account	items	answered	answered_within_24h	share_within_24h	median_response_s	p90_response_s	open
2026-11-01	feed	2	1	1	0.5000	2700	2700	1

$ cd demo && smm report html -p 2026-11 --title "Demo <November>" -o report.html && grep -c '<svg' report.html && grep -o '<h1>[^<]*</h1>' report.html && grep -c '<script' report.html
3
<h1>Demo &lt;November&gt;</h1>
0
[stderr]
smm: warning: reports/feed/2026-11.jsonl:3: skipped a line that is not a snapshot: invalid JSON (A string is opened, but never closed.)
[exit 1]
