# SPDX-License-Identifier: MIT
# fish completion for smm (social-media management as code).
#
# Install into a directory on $fish_complete_path (e.g. /usr/share/fish/vendor_completions.d).
#
# Each command's flags live in one "# [smm ...]" section; tests/cmd/docs_test.cpp fails when a
# registered subcommand or flag is missing from its section.

# The flags that take a value, so their values are not mistaken for subcommands.
set -g __smm_value_flags -C --project --format -o --output --now --name --zone --platform --server \
    --handle --chars --to --at --media --alt --tag --campaign --thread --first-comment --id \
    -p --period -b --begin -e --end --account --status --text --set --ics --by --token

# The command path typed so far without flags and their values, e.g. "plan add".
function __smm_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    set -l subs init account plan audit post report
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $t
            if not string match -q -- '*=*' $t; and contains -- $t $__smm_value_flags
                set skip 1
            end
            continue
        end
        if contains -- $t $subs
            set -a path $t
            switch "$path"
                case account
                    set subs add list rm login check
                case plan
                    set subs add list show edit set rm slots queue import export calendar diff approve pause resume
                case report
                    set subs posts accounts campaigns tags pull response html
                case '*'
                    set subs
            end
        end
    end
    echo "$path"
end

# True when the command path is exactly $argv.
function __smm_is
    test (__smm_path) = "$argv"
end

# The project root: -C/--project, else $SMM_PROJECT, else the nearest directory with smm.json.
function __smm_root
    set -l tokens (commandline -opc)
    set -l dir
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case -C --project
                set -l n (math $i + 1)
                test $n -le (count $tokens); and set dir $tokens[$n]
            case '--project=*'
                set dir (string replace -- '--project=' '' $tokens[$i])
        end
    end
    test -z "$dir"; and set -q SMM_PROJECT; and set dir $SMM_PROJECT
    if test -n "$dir"
        test -f "$dir/smm.json"; and echo $dir
        return
    end
    set dir $PWD
    while true
        if test -f "$dir/smm.json"
            echo $dir
            return
        end
        test "$dir" = /; and return
        set dir (path dirname -- $dir 2>/dev/null; or dirname -- $dir)
    end
end

# The stems of the project's $argv[1]/*.json (accounts or posts).
function __smm_names
    set -l root (__smm_root)
    test -n "$root"; or return
    for f in $root/$argv[1]/*.json
        string replace -r '\.json$' '' -- (basename -- $f)
    end
end

# Account names for --to: completes the last of a comma-separated list.
function __smm_account_list
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $token)
    for name in (__smm_names accounts)
        echo $head$name
    end
end

complete -c smm -f

# [smm]
complete -c smm -n '__smm_is' -a init -d 'Create a project directory'
complete -c smm -n '__smm_is' -a account -d 'Add, list, log in to and check accounts'
complete -c smm -n '__smm_is' -a plan -d 'The content calendar'
complete -c smm -n '__smm_is' -a audit -d 'Lint posts and accounts'
complete -c smm -n '__smm_is' -a post -d 'Publish what is due'
complete -c smm -n '__smm_is' -a report -d 'Numbers for people and spreadsheets'
complete -c smm -n '__smm_is' -a inbox -d 'The conversation queue'
# Global flags are accepted before or after the command.
complete -c smm -s C -l project -r -a '(__fish_complete_directories)' -d 'Project directory'
complete -c smm -l format -x -a 'table tsv csv json jsonl' -d 'Output format'
complete -c smm -l json -d 'Same as --format json'
complete -c smm -s o -l output -r -F -d 'Write output to FILE'
complete -c smm -s q -l quiet -d 'Print only results and errors'
complete -c smm -l debug -d 'Log what smm does to stderr'
complete -c smm -l no-color -d 'Never use colour'
complete -c smm -l no-input -d 'Never prompt'
complete -c smm -l now -x -d 'Pin the clock'
complete -c smm -s h -l help -d 'Show help'
complete -c smm -l version -d 'Show the version'

# [smm init]
complete -c smm -n '__smm_is init' -a '(__fish_complete_directories)' -d 'Directory'
complete -c smm -n '__smm_is init' -l name -x -d 'Project name'
complete -c smm -n '__smm_is init' -l zone -x -a '(timedatectl list-timezones 2>/dev/null)' -d 'IANA time zone'

# [smm account]
complete -c smm -n '__smm_is account' -a add -d 'Define an account'
complete -c smm -n '__smm_is account' -a list -d 'List accounts'
complete -c smm -n '__smm_is account' -a rm -d 'Remove an account definition'
complete -c smm -n '__smm_is account' -a login -d 'Log in and store the credentials'
complete -c smm -n '__smm_is account' -a check -d 'Verify stored credentials online'

# [smm account add]
complete -c smm -n '__smm_is account add' -l platform -x -a 'feed webhook mastodon bluesky x threads linkedin facebook instagram telegram discord' -d 'Platform'
complete -c smm -n '__smm_is account add' -l server -x -d 'Server URL'
complete -c smm -n '__smm_is account add' -l handle -x -d 'Handle on the platform'
complete -c smm -n '__smm_is account add' -l zone -x -a '(timedatectl list-timezones 2>/dev/null)' -d 'IANA zone of the account'
complete -c smm -n '__smm_is account add' -l chars -x -d 'Per-post character limit'

# [smm account list]
# No flags of its own.

# [smm account rm]
complete -c smm -n '__smm_is account rm' -a '(__smm_names accounts)' -d 'Account'
complete -c smm -n '__smm_is account rm' -s y -l yes -d 'Do not ask for confirmation'

# [smm account login]
complete -c smm -n '__smm_is account login' -a '(__smm_names accounts)' -d 'Account'
complete -c smm -n '__smm_is account login' -l token -x -a '-' -d 'Read an access token from stdin'

# [smm account check]
complete -c smm -n '__smm_is account check' -a '(__smm_names accounts)' -d 'Account'

# [smm plan]
set -l cond '__smm_is plan'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, this week'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only posts to this account'
complete -c smm -n $cond -l status -x -a 'draft queued scheduled published partial failed missed sending' -d 'Only posts with this status'
complete -c smm -n $cond -l tag -x -d 'Only posts with this tag'
complete -c smm -n $cond -l campaign -x -d 'Only posts in this campaign'
complete -c smm -n $cond -l all -d 'Include published posts'
complete -c smm -n '__smm_is plan' -a add -d 'Add a post'
complete -c smm -n '__smm_is plan' -a list -d 'List posts'
complete -c smm -n '__smm_is plan' -a show -d 'What each target will receive'
complete -c smm -n '__smm_is plan' -a edit -d 'Edit a post in $EDITOR'
complete -c smm -n '__smm_is plan' -a set -d 'Change a post'
complete -c smm -n '__smm_is plan' -a rm -d 'Delete posts'
complete -c smm -n '__smm_is plan' -a slots -d 'Show or set weekly posting slots'
complete -c smm -n '__smm_is plan' -a queue -d 'Place queued posts into free slots'
complete -c smm -n '__smm_is plan' -a import -d 'Import posts from CSV'
complete -c smm -n '__smm_is plan' -a export -d 'Export posts as CSV'
complete -c smm -n '__smm_is plan' -a calendar -d 'Week or month grid, or iCalendar'
complete -c smm -n '__smm_is plan' -a diff -d 'Everything that will go out in a window'
complete -c smm -n '__smm_is plan' -a approve -d 'Approve posts'
complete -c smm -n '__smm_is plan' -a pause -d 'The crisis switch'
complete -c smm -n '__smm_is plan' -a resume -d 'Undo pause'

# [smm plan add]
set -l cond '__smm_is plan add'
complete -c smm -n $cond -l to -x -a '(__smm_account_list)' -d 'Target accounts'
complete -c smm -n $cond -l at -x -d 'When: 2026-11-24 09:00, +2h, tomorrow 09:00'
complete -c smm -n $cond -l media -r -F -d 'Attach a file'
complete -c smm -n $cond -l alt -x -d 'Alt text for the --media before it'
complete -c smm -n $cond -l tag -x -d 'Tag'
complete -c smm -n $cond -l campaign -x -d 'Campaign name'
complete -c smm -n $cond -l thread -x -a 'auto off' -d 'Thread splitting'
complete -c smm -n $cond -l first-comment -x -d 'First comment under the post'
complete -c smm -n $cond -l queue -d 'Place it in the next free slot'
complete -c smm -n $cond -l draft -d 'Save as a draft'
complete -c smm -n $cond -l id -x -d 'Post id'

# [smm plan list]
set -l cond '__smm_is plan list'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, this week'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only posts to this account'
complete -c smm -n $cond -l status -x -a 'draft queued scheduled published partial failed missed sending' -d 'Only posts with this status'
complete -c smm -n $cond -l tag -x -d 'Only posts with this tag'
complete -c smm -n $cond -l campaign -x -d 'Only posts in this campaign'
complete -c smm -n $cond -l all -d 'Include published posts'

# [smm plan show]
complete -c smm -n '__smm_is plan show' -a '(__smm_names posts)' -d 'Post'

# [smm plan edit]
complete -c smm -n '__smm_is plan edit' -a '(__smm_names posts)' -d 'Post'

# [smm plan set]
set -l cond '__smm_is plan set'
complete -c smm -n $cond -a '(__smm_names posts)' -d 'Post'
complete -c smm -n $cond -l to -x -a '(__smm_account_list)' -d 'Target accounts'
complete -c smm -n $cond -l at -x -d 'When: 2026-11-24 09:00, +2h, tomorrow 09:00'
complete -c smm -n $cond -l media -r -F -d 'Attach a file'
complete -c smm -n $cond -l alt -x -d 'Alt text for the --media before it'
complete -c smm -n $cond -l tag -x -d 'Tag'
complete -c smm -n $cond -l campaign -x -d 'Campaign name'
complete -c smm -n $cond -l thread -x -a 'auto off' -d 'Thread splitting'
complete -c smm -n $cond -l first-comment -x -d 'First comment under the post'
complete -c smm -n $cond -l text -x -d 'Replace the text (- reads stdin)'
complete -c smm -n $cond -l status -x -a 'draft queued scheduled' -d 'Status'
complete -c smm -n $cond -l queue -d 'Make it queued'

# [smm plan rm]
complete -c smm -n '__smm_is plan rm' -a '(__smm_names posts)' -d 'Post'
complete -c smm -n '__smm_is plan rm' -s y -l yes -d 'Do not ask for confirmation'

# [smm plan slots]
complete -c smm -n '__smm_is plan slots' -a '(__smm_names accounts)' -d 'Account'
complete -c smm -n '__smm_is plan slots' -l set -x -d 'Slots, e.g. "mon-fri 09:00,13:00; sat 10:00"'

# [smm plan queue]
complete -c smm -n '__smm_is plan queue' -s n -l dry-run -d 'Show the placements without saving them'

# [smm plan import]
complete -c smm -n '__smm_is plan import' -F -d 'CSV file'
complete -c smm -n '__smm_is plan import' -s n -l dry-run -d 'Validate and report without writing'

# [smm plan export]
set -l cond '__smm_is plan export'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, this week'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only posts to this account'
complete -c smm -n $cond -l status -x -a 'draft queued scheduled published partial failed missed sending' -d 'Only posts with this status'
complete -c smm -n $cond -l tag -x -d 'Only posts with this tag'
complete -c smm -n $cond -l campaign -x -d 'Only posts in this campaign'

# [smm plan calendar]
set -l cond '__smm_is plan calendar'
complete -c smm -n $cond -l week -d 'One week'
complete -c smm -n $cond -l month -d 'One month'
complete -c smm -n $cond -l ics -r -F -d 'Write iCalendar to FILE'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, this week'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only posts to this account'

# [smm plan diff]
set -l cond '__smm_is plan diff'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, this week'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only posts to this account'

# [smm plan approve]
complete -c smm -n '__smm_is plan approve' -a '(__smm_names posts)' -d 'Post'
complete -c smm -n '__smm_is plan approve' -l by -x -d 'Approver'

# [smm plan pause]
complete -c smm -n '__smm_is plan pause' -l account -x -a '(__smm_names accounts)' -d 'Pause only this account'

# [smm plan resume]
complete -c smm -n '__smm_is plan resume' -l account -x -a '(__smm_names accounts)' -d 'Resume only this account'

# [smm audit]
complete -c smm -n '__smm_is audit' -a '(__smm_names posts)' -d 'Post'
complete -c smm -n '__smm_is audit' -l format -x -a 'text json sarif' -d 'Output: text, json or sarif'
complete -c smm -n '__smm_is audit' -l online -d 'Also check that links resolve'
complete -c smm -n '__smm_is audit' -l rules -d 'List the rules'

# [end]

# [smm post]
complete -c smm -n '__smm_is post' -a '(__smm_names posts)' -d 'Post'
complete -c smm -n '__smm_is post' -s n -l dry-run -d 'Print the requests, send nothing'
complete -c smm -n '__smm_is post' -l account -x -a '(__smm_names accounts)' -d 'Only this account'
complete -c smm -n '__smm_is post' -l max-late -x -d 'Mark targets due longer ago missed'
complete -c smm -n '__smm_is post' -l catch-up -d 'Publish late and missed targets'
complete -c smm -n '__smm_is post' -s j -l jobs -x -d 'Requests in parallel'
complete -c smm -n '__smm_is post' -l retry-failed -d 'Also retry targets that failed for good'
complete -c smm -n '__smm_is post' -l timeout -x -d 'Give up on a request after DUR'
complete -c smm -n '__smm_is post' -s y -l yes -d 'Do not ask before publishing named posts'

# [smm inbox]
complete -c smm -n '__smm_is inbox' -a sync -d 'Pull new mentions, replies, quotes, DMs and watch hits'
complete -c smm -n '__smm_is inbox' -a list -d 'The items, oldest first'
complete -c smm -n '__smm_is inbox' -a show -d 'One item with its thread'
complete -c smm -n '__smm_is inbox' -a reply -d 'Reply to an item'
complete -c smm -n '__smm_is inbox' -a done -d 'Mark items done'
complete -c smm -n '__smm_is inbox' -a reopen -d 'Open items again'
complete -c smm -n '__smm_is inbox' -a assign -d 'Assign items to someone'
complete -c smm -n '__smm_is inbox' -a tag -d 'Tag items'
for c in inbox 'inbox list'
  set -l cond "__smm_is $c"
  complete -c smm -n $cond -l status -x -a 'open done all' -d 'Which items'
  complete -c smm -n $cond -l assignee -x -d 'Only items assigned to X'
  complete -c smm -n $cond -l kind -x -a 'mention reply quote dm watch' -d 'Only this kind'
  complete -c smm -n $cond -l tag -x -d 'Only items with this tag'
  complete -c smm -n $cond -s p -l period -x -d 'Created in this period'
  complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
  complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
  complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'
end

# [smm inbox list]
# (the flags of `smm inbox`, above: -l status -l assignee -l kind -l tag -l period -l begin -l end -l account)

# [smm inbox show]

# [smm inbox reply]
complete -c smm -n '__smm_is inbox reply' -l template -x -a '(__smm_names templates)' -d 'Use templates/NAME.json'
complete -c smm -n '__smm_is inbox reply' -l again -d 'Send even if this text was already sent'
complete -c smm -n '__smm_is inbox reply' -l keep-open -d 'Do not mark the item done'
complete -c smm -n '__smm_is inbox reply' -l dry-run -d 'Show the request, send nothing'

# [smm inbox done]

# [smm inbox reopen]

# [smm inbox assign]
complete -c smm -n '__smm_is inbox assign' -l to -x -d 'Who handles them'
complete -c smm -n '__smm_is inbox assign' -l none -d 'Remove the assignee'

# [smm inbox tag]
complete -c smm -n '__smm_is inbox tag' -l add -x -d 'Tag to add'
complete -c smm -n '__smm_is inbox tag' -l remove -x -d 'Tag to remove'

# [smm inbox sync]
complete -c smm -n '__smm_is inbox sync' -l account -x -a '(__smm_names accounts)' -d 'Only this account'
complete -c smm -n '__smm_is inbox sync' -l catchup -d 'Mark what this sync brings in as done'
complete -c smm -n '__smm_is inbox sync' -l since -x -d 'How far back a first sync goes (7d, 2026-11-01)'

# [smm report]
complete -c smm -n '__smm_is report' -a posts -d 'Each post per interval'
complete -c smm -n '__smm_is report' -a accounts -d 'Followers per account and interval'
complete -c smm -n '__smm_is report' -a campaigns -d 'Post metrics per campaign'
complete -c smm -n '__smm_is report' -a tags -d 'Post metrics per tag'
complete -c smm -n '__smm_is report' -a pull -d 'Fetch metrics of published posts and accounts'
complete -c smm -n '__smm_is report' -a response -d 'Time to first reply on inbox items'
complete -c smm -n '__smm_is report' -a html -d 'One self-contained HTML page'

# [smm report posts]
set -l cond '__smm_is report posts'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -s D -l daily -d 'One row per day'
complete -c smm -n $cond -s W -l weekly -d 'One row per week'
complete -c smm -n $cond -s M -l monthly -d 'One row per month'
complete -c smm -n $cond -s Q -l quarterly -d 'One row per quarter'
complete -c smm -n $cond -s Y -l yearly -d 'One row per year'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'

# [smm report accounts]
set -l cond '__smm_is report accounts'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -s D -l daily -d 'One row per day'
complete -c smm -n $cond -s W -l weekly -d 'One row per week'
complete -c smm -n $cond -s M -l monthly -d 'One row per month'
complete -c smm -n $cond -s Q -l quarterly -d 'One row per quarter'
complete -c smm -n $cond -s Y -l yearly -d 'One row per year'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'

# [smm report campaigns]
set -l cond '__smm_is report campaigns'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -s D -l daily -d 'One row per day'
complete -c smm -n $cond -s W -l weekly -d 'One row per week'
complete -c smm -n $cond -s M -l monthly -d 'One row per month'
complete -c smm -n $cond -s Q -l quarterly -d 'One row per quarter'
complete -c smm -n $cond -s Y -l yearly -d 'One row per year'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'

# [smm report tags]
set -l cond '__smm_is report tags'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -s D -l daily -d 'One row per day'
complete -c smm -n $cond -s W -l weekly -d 'One row per week'
complete -c smm -n $cond -s M -l monthly -d 'One row per month'
complete -c smm -n $cond -s Q -l quarterly -d 'One row per quarter'
complete -c smm -n $cond -s Y -l yearly -d 'One row per year'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'

# [smm report pull]
set -l cond '__smm_is report pull'
complete -c smm -n $cond -s p -l period -x -d 'Posts published in this period (default: last 90 days)'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'
# [smm report response]
set -l cond '__smm_is report response'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -s D -l daily -d 'One row per day'
complete -c smm -n $cond -s W -l weekly -d 'One row per week'
complete -c smm -n $cond -s M -l monthly -d 'One row per month'
complete -c smm -n $cond -s Q -l quarterly -d 'One row per quarter'
complete -c smm -n $cond -s Y -l yearly -d 'One row per year'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'

# [smm report html]
set -l cond '__smm_is report html'
complete -c smm -n $cond -s p -l period -x -d 'Period: 2026-11, 2026q4, last month'
complete -c smm -n $cond -s b -l begin -x -d 'Start date (inclusive)'
complete -c smm -n $cond -s e -l end -x -d 'End date (exclusive)'
complete -c smm -n $cond -l account -x -a '(__smm_names accounts)' -d 'Only this account'
complete -c smm -n $cond -l title -x -d 'The page heading'
