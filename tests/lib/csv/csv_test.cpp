// SPDX-License-Identifier: MIT
#include "smm/csv/csv.hpp"

#include <string>
#include <vector>

#include "support/catch.hpp"

using smm::csv::Row;
using Fields = std::vector<std::string>;

namespace {

std::vector<Fields> fields_of(std::string_view text) {
  auto rows = smm::csv::parse(text);
  REQUIRE(rows.has_value());
  std::vector<Fields> out;
  for (const auto& row : *rows) {
    out.push_back(row.fields);
  }
  return out;
}

std::string parse_error(std::string_view text) {
  auto rows = smm::csv::parse(text);
  REQUIRE_FALSE(rows.has_value());
  CHECK(rows.error().kind == smm::ErrorKind::runtime);
  CHECK_FALSE(rows.error().hint.empty());
  return rows.error().message;
}

}  // namespace

TEST_CASE("csv::parse reads plain and quoted fields", "[csv]") {
  SECTION("plain fields") {
    CHECK(fields_of("a,b,c\n1,2,3\n") == std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
  }
  SECTION("quoted fields with commas and doubled quotes") {
    CHECK(fields_of(R"("a,b","say ""hi""","")") == std::vector<Fields>{{"a,b", "say \"hi\"", ""}});
  }
  SECTION("spaces are kept in unquoted fields") {
    CHECK(fields_of(" a , b ") == std::vector<Fields>{{" a ", " b "}});
  }
  SECTION("embedded LF newline") {
    CHECK(fields_of("id,text\n1,\"line one\nline two\"\n") ==
          std::vector<Fields>{{"id", "text"}, {"1", "line one\nline two"}});
  }
  SECTION("embedded CRLF and CR newlines become LF") {
    CHECK(fields_of("1,\"one\r\ntwo\rthree\"\r\n") ==
          std::vector<Fields>{{"1", "one\ntwo\nthree"}});
  }
  SECTION("unicode passes through") {
    CHECK(fields_of("\"café, ☕\",日本語\n") == std::vector<Fields>{{"café, ☕", "日本語"}});
  }
}

TEST_CASE("csv::parse handles line endings, BOM and empty lines", "[csv]") {
  SECTION("CRLF file") {
    CHECK(fields_of("a,b\r\n1,2\r\n") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});
  }
  SECTION("CR-only file") {
    CHECK(fields_of("a,b\r1,2\r") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});
  }
  SECTION("last line without newline") {
    CHECK(fields_of("a,b\n1,2") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});
  }
  SECTION("BOM at start is skipped") {
    CHECK(fields_of("\xEF\xBB\xBFid,text\n1,x\n") ==
          std::vector<Fields>{{"id", "text"}, {"1", "x"}});
  }
  SECTION("trailing comma gives an empty last field") {
    CHECK(fields_of("a,b,\n1,,\n") == std::vector<Fields>{{"a", "b", ""}, {"1", "", ""}});
  }
  SECTION("a lone comma is two empty fields, a quoted empty string is one") {
    CHECK(fields_of(",\n\"\"\n") == std::vector<Fields>{{"", ""}, {""}});
  }
  SECTION("empty text, BOM only, and only blank lines give no rows") {
    CHECK(fields_of("").empty());
    CHECK(fields_of("\xEF\xBB\xBF").empty());
    CHECK(fields_of("\n\r\n\r").empty());
  }
  SECTION("empty lines are skipped but counted") {
    auto rows = smm::csv::parse("a,b\n\n1,2\r\n\r\n\"x\ny\",3\n\n4,5");
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0] == Row{1, 1, {"a", "b"}});
    CHECK((*rows)[1] == Row{3, 2, {"1", "2"}});
    CHECK((*rows)[2] == Row{5, 3, {"x\ny", "3"}});
    CHECK((*rows)[3] == Row{8, 4, {"4", "5"}});
  }
}

TEST_CASE("csv::parse reports malformed quoting with line and column", "[csv]") {
  SECTION("unterminated quoted field points at its opening quote") {
    CHECK(parse_error("id,text\n1,ok\n2,fine\n3,\"never closed,\nstill going\n") ==
          "line 4, column 3: unterminated quoted field");
  }
  SECTION("columns count code points, not bytes") {
    CHECK(parse_error("héllo,wörld,\"x") == "line 1, column 13: unterminated quoted field");
  }
  SECTION("columns after a BOM do not count it") {
    CHECK(parse_error("\xEF\xBB\xBF\"x") == "line 1, column 1: unterminated quoted field");
  }
  SECTION("quote inside unquoted field") {
    CHECK(parse_error("a,b\r\n1,say \"hi\"\r\n") ==
          "line 2, column 7: quote inside unquoted field");
  }
  SECTION("text after a closing quote") {
    CHECK(parse_error("\"a\nb\"c,d\n") == "line 2, column 3: unexpected text after closing quote");
  }
}

TEST_CASE("csv::parse_table maps column names and pads ragged rows", "[csv]") {
  auto table = smm::csv::parse_table(" ID ,Text,Platforms\n1,hello\n2,hi,x,extra\n3,a,b\n");
  REQUIRE(table.has_value());
  CHECK(table->header == Fields{"ID", "Text", "Platforms"});
  CHECK(table->column("id") == 0U);
  CHECK(table->column(" TEXT ") == 1U);
  CHECK(table->column("platforms") == 2U);
  CHECK_FALSE(table->column("missing").has_value());
  CHECK_FALSE(table->column("").has_value());
  REQUIRE(table->rows.size() == 3);
  CHECK(table->rows[0] == Row{2, 2, {"1", "hello", ""}});
  CHECK(table->rows[1].fields.size() == 4);  // too many: left for the caller to report
  CHECK(table->rows[1].number == 3);
  CHECK(table->rows[2].fields == Fields{"3", "a", "b"});

  SECTION("errors") {
    auto empty = smm::csv::parse_table("\n\n");
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().message == "no header row");

    auto duplicate = smm::csv::parse_table("\nid,text,ID\n");
    REQUIRE_FALSE(duplicate.has_value());
    CHECK(duplicate.error().message == "line 2: column \"ID\" appears twice (columns 1 and 3)");

    auto malformed = smm::csv::parse_table("id\n\"x\n");
    REQUIRE_FALSE(malformed.has_value());
    CHECK(malformed.error().message == "line 2, column 1: unterminated quoted field");
  }
  SECTION("header only") {
    auto only = smm::csv::parse_table("a,b");
    REQUIRE(only.has_value());
    CHECK(only->rows.empty());
  }
}

TEST_CASE("csv::quote and write_row", "[csv]") {
  using smm::csv::quote;
  CHECK(quote("plain") == "plain");
  CHECK(quote("") == "");
  CHECK(quote("a,b") == "\"a,b\"");
  CHECK(quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(quote("a\nb") == "\"a\nb\"");
  CHECK(quote("a\rb") == "\"a\rb\"");
  CHECK(quote(" lead") == "\" lead\"");
  CHECK(quote("trail\t") == "\"trail\t\"");
  CHECK(quote("in side") == "in side");
  CHECK(quote("日本語 ☕") == "日本語 ☕");

  std::string out;
  smm::csv::write_row(out, {"a", "b,c", ""});
  smm::csv::write_row(out, {""});
  smm::csv::write_row(out, {"x", "y"}, true);
  CHECK(out == "a,\"b,c\",\n\"\"\nx,y\r\n");
}

TEST_CASE("csv writer output reads back and re-writes byte-identically", "[csv]") {
  const std::vector<Fields> records = {
      {"id", "text", "note"},
      {"1", "commas, everywhere, here", ""},
      {"2", "she said \"hello\"", "\"\""},
      {"3", "line one\nline two\n\nline four", "\n"},
      {"4", "café ☕ 👨‍👩‍👧‍👦 🇯🇵 日本語", "  leading spaces"},
      {"5", "trailing space ", ""},
      {""},
      {"", "", ""},
      {"7", ",", "\""},
  };
  for (bool crlf : {false, true}) {
    std::string first;
    for (const auto& record : records) {
      smm::csv::write_row(first, record, crlf);
    }
    auto parsed = smm::csv::parse(first);
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->size() == records.size());
    std::string second;
    for (std::size_t i = 0; i < records.size(); ++i) {
      CHECK((*parsed)[i].fields == records[i]);
      CHECK((*parsed)[i].number == i + 1);
      smm::csv::write_row(second, (*parsed)[i].fields, crlf);
    }
    CHECK(second == first);
  }
}
