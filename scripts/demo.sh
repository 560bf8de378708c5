#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main job end to end on the built-in feed platform, offline: install, build, create a demo
# project, plan a week of posts, audit them, publish what is due to the feed, show the feed and
# the calendar. Safe to run again: the demo project is made anew.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -G Ninja -DSMM_BENCH=OFF >/dev/null
cmake --build build --target smm
smm="$PWD/build/cmd/smm"
demo="$PWD/build/demo"
rm -rf "$demo"
"$smm" init "$demo" --name "Demo Bakery" --zone Europe/Paris
cd "$demo"
"$smm" plan slots feed --set "mon-fri 09:00,17:30; sat 10:00"
"$smm" plan add "Fresh sourdough is out of the oven. Come early, it goes fast!" --to feed --at "tomorrow 08:00" --tag bread
"$smm" plan add "This week's special: cardamom buns. Made with love, gone by noon." --to feed --queue --tag special
"$smm" plan add "Behind the scenes: our bakers start at 4 am. Here is why.

Good bread needs time. Our dough rests for 36 hours before it meets the oven, which gives the crust its crackle and the crumb its tang.

Thank you for waiting in line with us every morning." --to feed --queue --campaign stories
"$smm" plan add "Weekend hours: open 8 to 14 on Saturday." --to feed --queue
"$smm" plan add "Tip: freeze sliced bread and toast it straight from the freezer." --to feed --queue --tag tips
"$smm" plan add "We are open! Fresh bread until noon." --to feed --at now --tag bread
"$smm" plan queue
echo
"$smm" plan list --format table
echo
"$smm" plan calendar --week
echo
"$smm" audit
"$smm" post --dry-run
"$smm" post --format table
"$smm" post
echo
echo "feed/feed.json:"
head -n 20 feed/feed.json
echo "feed/atom.xml: $(grep -c '<entry>' feed/atom.xml) entry"
