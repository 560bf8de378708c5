// SPDX-License-Identifier: MIT
#include "smm/output/table.hpp"

#include <sstream>

#include "support/catch.hpp"

namespace smm::output {
namespace {

Table sample() {
  auto paris = time::find_zone("Europe/Paris").value();
  auto at = time::parse_rfc3339("2026-11-24T08:00:00Z").value();
  return Table{{{"id"}, {"at"}, {"count", true}, {"ok"}, {"text", false, true}},
               {{std::string("a"), InstantCell{at, paris}, std::int64_t{3}, true, std::string("tab\there, \"quoted\"")},
                {std::string("b"), Cell(), std::int64_t{-1}, false, std::string("日本語のテキスト🎉 line\nbreak")}}};
}

std::string rendered(const Table& t, Format f, int width = 80) {
  std::ostringstream out;
  render(out, t, RenderOptions{.format = f, .color = false, .width = width, .relative_times = false, .now = {}});
  return out.str();
}

TEST_CASE("every format renders the same table", "[output]") {
  Table t = sample();
  CHECK(rendered(t, Format::tsv) ==
        "id\tat\tcount\tok\ttext\n"
        "a\t2026-11-24T09:00:00+01:00\t3\ttrue\ttab here, \"quoted\"\n"
        "b\t\t-1\tfalse\t日本語のテキスト🎉 line break\n");
  CHECK(rendered(t, Format::csv) ==
        "id,at,count,ok,text\n"
        "a,2026-11-24T09:00:00+01:00,3,true,\"tab\there, \"\"quoted\"\"\"\n"
        "b,,-1,false,\"日本語のテキスト🎉 line\nbreak\"\n");
  CHECK(rendered(t, Format::jsonl) ==
        "{\"id\":\"a\",\"at\":\"2026-11-24T09:00:00+01:00\",\"count\":3,\"ok\":true,\"text\":\"tab\\there, \\\"quoted\\\"\"}\n"
        "{\"id\":\"b\",\"at\":null,\"count\":-1,\"ok\":false,\"text\":\"日本語のテキスト🎉 line\\nbreak\"}\n");
  CHECK(rendered(t, Format::json).starts_with("[\n  {\n    \"id\": \"a\",\n"));
  CHECK(rendered(t, Format::table) ==
        "ID  AT                COUNT  OK   TEXT\n"
        "a   2026-11-24 09:00      3  yes  tab here, \"quoted\"\n"
        "b                        -1  no   日本語のテキスト🎉 line break\n");
}

TEST_CASE("tables shrink the flexible column to the terminal, by display width", "[output]") {
  std::string narrow = rendered(sample(), Format::table, 50);
  CHECK(narrow ==
        "ID  AT                COUNT  OK   TEXT\n"
        "a   2026-11-24 09:00      3  yes  tab here, \"quot…\n"
        "b                        -1  no   日本語のテキス…\n");
}

TEST_CASE("empty results print nothing except [] in json", "[output]") {
  Table t{{{"id"}}, {}};
  CHECK(rendered(t, Format::table).empty());
  CHECK(rendered(t, Format::tsv).empty());
  CHECK(rendered(t, Format::csv).empty());
  CHECK(rendered(t, Format::jsonl).empty());
  CHECK(rendered(t, Format::json) == "[]\n");
}

TEST_CASE("formats by name and by file extension", "[output]") {
  CHECK(parse_format("csv").value() == Format::csv);
  auto bad = parse_format("xml");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().kind == ErrorKind::usage);
  CHECK(format_for_path("out.tsv") == Format::tsv);
  CHECK(format_for_path("a/b.ndjson") == Format::jsonl);
  CHECK(format_for_path("x.json") == Format::json);
  CHECK_FALSE(format_for_path("x.bin").has_value());
}

}  // namespace
}  // namespace smm::output
