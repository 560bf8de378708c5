# SPDX-License-Identifier: MIT
# bash completion for smm (social-media management as code).
#
# Install as $(pkg-config --variable=completionsdir bash-completion)/smm, or source it.
# Works without the bash-completion package (no _init_completion needed).
#
# Each command's flags live in one "# [smm ...]" section of _smm_spec; tests/cmd/docs_test.cpp
# fails when a registered subcommand or flag is missing from its section.

# The project root: -C/--project on the command line, else $SMM_PROJECT, else the nearest
# directory at or above $PWD holding smm.json. Prints nothing when there is none.
_smm_root() {
  local i dir=""
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    case "${COMP_WORDS[i]}" in
      -C | --project) dir="${COMP_WORDS[i + 1]}" ;;
      --project=*) dir="${COMP_WORDS[i]#--project=}" ;;
    esac
  done
  [[ -z $dir && -n ${SMM_PROJECT-} ]] && dir="$SMM_PROJECT"
  if [[ -n $dir ]]; then
    dir="${dir/#\~/$HOME}"
    [[ -f $dir/smm.json ]] && printf '%s\n' "$dir"
    return
  fi
  dir="$PWD"
  while :; do
    if [[ -f $dir/smm.json ]]; then
      printf '%s\n' "$dir"
      return
    fi
    [[ -z $dir || $dir == / ]] && return
    dir="${dir%/*}"
    [[ -z $dir ]] && dir=/
  done
}

# The names of the *.json files in the project's folder $1 (accounts or posts), without .json.
_smm_names() {
  local root f
  root="$(_smm_root)"
  [[ -n $root && -d $root/$1 ]] || return
  for f in "$root/$1"/*.json; do
    [[ -e $f ]] || continue
    f="${f##*/}"
    printf '%s\n' "${f%.json}"
  done
}

# Sets `subs` (subcommand names), `flags` (all flags), `args` (the flags that take a value) and
# `pos` (what the positional arguments are: account, post, file, dir or nothing) for the command
# path $1 ("smm", "smm plan", "smm plan add", ...).
_smm_spec() {
  subs="" flags="" args="" pos=""
  case "$1" in
    # [smm]
    "smm")
      subs="init account plan audit post report inbox"
      flags="-C --project --format --json -o --output -q --quiet --debug --no-color --no-input --now -h --help --version"
      args="-C --project --format -o --output --now"
      ;;
    # [smm init]
    "smm init")
      flags="--name --zone"
      args="--name --zone"
      pos=dir
      ;;
    # [smm account]
    "smm account")
      subs="add list rm login check"
      ;;
    # [smm account add]
    "smm account add")
      flags="--platform --server --handle --zone --chars"
      args="$flags"
      ;;
    # [smm account list]
    "smm account list") ;;
    # [smm account rm]
    "smm account rm")
      flags="-y --yes"
      pos=account
      ;;
    # [smm account login]
    "smm account login")
      flags="--token"
      args="--token"
      pos=account
      ;;
    # [smm account check]
    "smm account check")
      pos=account
      ;;
    # [smm plan]
    "smm plan")
      subs="add list show edit set rm slots queue import export calendar diff approve pause resume"
      flags="-p --period -b --begin -e --end --account --status --tag --campaign --all"
      args="-p --period -b --begin -e --end --account --status --tag --campaign"
      ;;
    # [smm plan add]
    "smm plan add")
      flags="--to --at --media --alt --tag --campaign --thread --first-comment --queue --draft --id"
      args="--to --at --media --alt --tag --campaign --thread --first-comment --id"
      ;;
    # [smm plan list]
    "smm plan list")
      flags="-p --period -b --begin -e --end --account --status --tag --campaign --all"
      args="-p --period -b --begin -e --end --account --status --tag --campaign"
      ;;
    # [smm plan show]
    "smm plan show") pos=post ;;
    # [smm plan edit]
    "smm plan edit") pos=post ;;
    # [smm plan set]
    "smm plan set")
      flags="--to --at --media --alt --tag --campaign --thread --first-comment --text --status --queue"
      args="--to --at --media --alt --tag --campaign --thread --first-comment --text --status"
      pos=post
      ;;
    # [smm plan rm]
    "smm plan rm")
      flags="-y --yes"
      pos=post
      ;;
    # [smm plan slots]
    "smm plan slots")
      flags="--set"
      args="--set"
      pos=account
      ;;
    # [smm plan queue]
    "smm plan queue") flags="-n --dry-run" ;;
    # [smm plan import]
    "smm plan import")
      flags="-n --dry-run"
      pos="file"
      ;;
    # [smm plan export]
    "smm plan export")
      flags="-p --period -b --begin -e --end --account --status --tag --campaign"
      args="$flags"
      ;;
    # [smm plan calendar]
    "smm plan calendar")
      flags="--week --month --ics -p --period -b --begin -e --end --account"
      args="--ics -p --period -b --begin -e --end --account"
      ;;
    # [smm plan diff]
    "smm plan diff")
      flags="-p --period -b --begin -e --end --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm plan approve]
    "smm plan approve")
      flags="--by"
      args="--by"
      pos=post
      ;;
    # [smm plan pause]
    "smm plan pause")
      flags="--account"
      args="--account"
      ;;
    # [smm plan resume]
    "smm plan resume")
      flags="--account"
      args="--account"
      ;;
    # [smm audit]
    "smm audit")
      flags="--format --online --rules"
      args="--format"
      pos=post
      ;;
    # [smm post]
    "smm post")
      flags="-n --dry-run --account --max-late --catch-up -j --jobs --retry-failed --timeout -y --yes"
      args="--account --max-late -j --jobs --timeout"
      pos=post
      ;;
    # [smm inbox]
    "smm inbox")
      subs="sync list show reply done reopen assign tag"
      flags="--status --assignee --kind --tag -p --period -b --begin -e --end --account"
      args="--status --assignee --kind --tag -p --period -b --begin -e --end --account"
      ;;
    # [smm inbox list]
    "smm inbox list")
      flags="--status --assignee --kind --tag -p --period -b --begin -e --end --account"
      args="--status --assignee --kind --tag -p --period -b --begin -e --end --account"
      ;;
    # [smm inbox show]
    "smm inbox show")
      ;;
    # [smm inbox reply]
    "smm inbox reply")
      flags="--template --again --keep-open --dry-run"
      args="--template"
      ;;
    # [smm inbox done]
    "smm inbox done")
      ;;
    # [smm inbox reopen]
    "smm inbox reopen")
      ;;
    # [smm inbox assign]
    "smm inbox assign")
      flags="--to --none"
      args="--to"
      ;;
    # [smm inbox tag]
    "smm inbox tag")
      flags="--add --remove"
      args="--add --remove"
      ;;
    # [smm inbox sync]
    "smm inbox sync")
      flags="--account --catchup --since"
      args="--account --since"
      ;;
    # [smm report]
    "smm report")
      subs="posts accounts campaigns tags pull response html"
      ;;
    # [smm report posts]
    "smm report posts")
      flags="-p --period -b --begin -e --end -D --daily -W --weekly -M --monthly -Q --quarterly -Y --yearly --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report accounts]
    "smm report accounts")
      flags="-p --period -b --begin -e --end -D --daily -W --weekly -M --monthly -Q --quarterly -Y --yearly --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report campaigns]
    "smm report campaigns")
      flags="-p --period -b --begin -e --end -D --daily -W --weekly -M --monthly -Q --quarterly -Y --yearly --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report tags]
    "smm report tags")
      flags="-p --period -b --begin -e --end -D --daily -W --weekly -M --monthly -Q --quarterly -Y --yearly --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report pull]
    "smm report pull")
      flags="-p --period -b --begin -e --end --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report response]
    "smm report response")
      flags="-p --period -b --begin -e --end -D --daily -W --weekly -M --monthly -Q --quarterly -Y --yearly --account"
      args="-p --period -b --begin -e --end --account"
      ;;
    # [smm report html]
    "smm report html")
      flags="-p --period -b --begin -e --end --account --title"
      args="-p --period -b --begin -e --end --account --title"
      ;;
    # [end]
  esac
}

# Completes the value of flag $1 for command path $2; returns 1 when the flag takes no value.
_smm_value() {
  local flag="$1" path="$2" cur="$3"
  case "$flag" in
    --format)
      if [[ $path == "smm audit" ]]; then
        mapfile -t COMPREPLY < <(compgen -W "text json sarif" -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -W "table tsv csv json jsonl" -- "$cur")
      fi
      ;;
    --platform)
      mapfile -t COMPREPLY < <(compgen -W "feed webhook mastodon bluesky x threads linkedin facebook instagram telegram discord" -- "$cur")
      ;;
    --thread)
      mapfile -t COMPREPLY < <(compgen -W "auto off" -- "$cur")
      ;;
    --status)
      if [[ $path == "smm inbox"* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "open done all" -- "$cur")
      elif [[ $path == "smm plan set" ]]; then
        mapfile -t COMPREPLY < <(compgen -W "draft queued scheduled" -- "$cur")
      else
        mapfile -t COMPREPLY < <(compgen -W "draft queued scheduled published partial failed missed sending" -- "$cur")
      fi
      ;;
    --kind)
      mapfile -t COMPREPLY < <(compgen -W "mention reply quote dm watch" -- "$cur")
      ;;
    --template)
      mapfile -t COMPREPLY < <(compgen -W "$(_smm_names templates)" -- "$cur")
      ;;
    --to)
      [[ $path == "smm inbox assign" ]] && return 0
      # A comma-separated list: complete the last name, keep the ones before it.
      local head="" last="$cur"
      if [[ $cur == *,* ]]; then
        head="${cur%,*},"
        last="${cur##*,}"
      fi
      mapfile -t COMPREPLY < <(compgen -P "$head" -W "$(_smm_names accounts)" -- "$last")
      ;;
    --account)
      mapfile -t COMPREPLY < <(compgen -W "$(_smm_names accounts)" -- "$cur")
      ;;
    --media | --ics | -o | --output)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      compopt -o filenames 2>/dev/null
      ;;
    -C | --project)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      compopt -o filenames 2>/dev/null
      ;;
    --zone)
      if [[ -d /usr/share/zoneinfo ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(cd /usr/share/zoneinfo 2>/dev/null && find . -type f -name '[A-Z]*' 2>/dev/null | sed 's|^\./||' | grep -v '^posix\|^right')" -- "$cur")
      fi
      ;;
    *)
      # --at, --now, --id, --name, --by, --set, ... : free text, nothing to offer.
      local global subs flags args pos
      _smm_spec smm
      global="$args"
      _smm_spec "$path"
      [[ " $args $global " == *" $flag "* ]] || return 1
      COMPREPLY=()
      ;;
  esac
  return 0
}

_smm() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local path="smm" word i flag subs flags args pos global_flags global_args
  COMPREPLY=()
  _smm_spec smm
  global_flags="$flags"
  global_args="$args"

  # Walk the words before the cursor: find the command path and skip flag values.
  local expect_value=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if [[ -n $expect_value ]]; then
      expect_value=""
      continue
    fi
    [[ $word == "=" ]] && { expect_value=1; continue; }
    if [[ $word == -* ]]; then
      _smm_spec "$path"
      if [[ $word != *=* && " $args $global_args " == *" $word "* ]]; then
        # "--flag=value" split by COMP_WORDBREAKS arrives as "--flag" "=" "value".
        [[ ${COMP_WORDS[i + 1]-} == "=" ]] || expect_value=1
      fi
      continue
    fi
    _smm_spec "$path"
    if [[ " $subs " == *" $word "* ]]; then
      path="$path $word"
    fi
  done

  # The value of a flag: after "--flag " or "--flag=" (split or not).
  local prev="${COMP_WORDS[COMP_CWORD - 1]-}"
  if [[ $cur == "=" ]]; then
    flag="$prev"
    cur=""
  elif [[ $prev == "=" ]]; then
    flag="${COMP_WORDS[COMP_CWORD - 2]-}"
  elif [[ -n $expect_value ]]; then
    flag="$prev"
  elif [[ $cur == --*=* ]]; then
    # "=" is not in COMP_WORDBREAKS: the reply must repeat "--flag=".
    flag="${cur%%=*}"
    cur="${cur#*=}"
    if _smm_value "$flag" "$path" "$cur"; then
      COMPREPLY=("${COMPREPLY[@]/#/$flag=}")
      return 0
    fi
    flag=""
  fi
  if [[ -n ${flag-} ]] && _smm_value "$flag" "$path" "$cur"; then
    return 0
  fi

  _smm_spec "$path"
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$flags $global_flags" -- "$cur")
    return 0
  fi
  if [[ -n $subs ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
    return 0
  fi
  case "$pos" in
    account) mapfile -t COMPREPLY < <(compgen -W "$(_smm_names accounts)" -- "$cur") ;;
    post) mapfile -t COMPREPLY < <(compgen -W "$(_smm_names posts)" -- "$cur") ;;
    file)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      compopt -o filenames 2>/dev/null
      ;;
    dir)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      compopt -o filenames 2>/dev/null
      ;;
  esac
  return 0
}

complete -F _smm smm
