// SPDX-License-Identifier: MIT
// The text rules, a good and a bad fixture each: text-too-long, banned-word, disclosure-missing,
// too-many-hashtags, utm-missing, duplicate-text, empty-post.
#include "lib/audit/fixture.hpp"

namespace smm::test {
namespace {

TEST_CASE("text-too-long: each part over its target's limit, at the text it comes from", "[audit]") {
  TempProject tp;
  tp.add_account("x", "x");
  SECTION("good: fits, or is split into a thread") {
    tp.save(make_post("short", "Hello", {"feed", "x"}));
    tp.save(make_post("long-auto", std::string(300, 'a') + " " + std::string(200, 'b'), {"x"}));
    CHECK(findings_of(tp, "text-too-long").empty());
  }
  SECTION("bad: thread splitting off") {
    auto p = make_post("long", std::string(300, 'a'), {"feed", "x"});
    p.thread = "off";
    tp.save(p);
    CHECK(findings_of(tp, "text-too-long") == Lines{"posts/long.json: /text: for x: 300/280 weighted characters"});
    auto all = audit_all(tp);
    REQUIRE(!all.empty());
    CHECK(all.front().hint == "shorten it, or set \"thread\": \"auto\" to split it into a thread");
    CHECK(all.front().severity == audit::Severity::error);
  }
  SECTION("bad: a variant is located at /variants/<account>") {
    auto p = make_post("variant", "Short", {"feed", "x"});
    p.thread = "off";
    p.variants["x"] = std::string(281, 'v');
    tp.save(p);
    CHECK(findings_of(tp, "text-too-long") == Lines{"posts/variant.json: /variants/x: for x: 281/280 weighted characters"});
  }
  SECTION("published targets are not checked again") {
    auto p = make_post("done", std::string(300, 'a'), {"x"});
    p.thread = "off";
    p.publish["x"] = project::TargetState{.state = "published"};
    tp.save(p);
    CHECK(findings_of(tp, "text-too-long").empty());
  }
}

TEST_CASE("banned-word: whole words and phrases, any case, also in the first comment", "[audit]") {
  TempProject tp;
  set_audit(tp, R"({"rules": {"banned-word": {"words": ["cheap", "act now"]}}})");
  SECTION("good: only inside longer words") {
    tp.save(make_post("fine", "Cheapest? No: cheapskates and react nowhere."));
    CHECK(findings_of(tp, "banned-word").empty());
  }
  SECTION("bad") {
    auto p = make_post("sale", "CHEAP prices, Act  now? No: act now!");
    p.first_comment = "Really cheap.";
    tp.save(p);
    CHECK(findings_of(tp, "banned-word") == Lines{"posts/sale.json: /first_comment: banned word \"cheap\"",
                                                  "posts/sale.json: /text: banned word \"act now\"",
                                                  "posts/sale.json: /text: banned word \"cheap\""});
  }
  SECTION("no words configured: nothing to check") {
    set_audit(tp, "{}");
    tp.save(make_post("sale", "cheap"));
    CHECK(findings_of(tp, "banned-word").empty());
  }
}

TEST_CASE("disclosure-missing: a tagged post needs a marker in every target's text", "[audit]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  SECTION("good: untagged, or disclosed everywhere") {
    tp.save(make_post("plain", "Nothing to disclose"));
    auto p = make_post("ok", "Our partner's kit #ad", {"feed", "masto"});
    p.tags = {"sponsored"};
    p.variants["masto"] = "A Paid Partnership with Acme";
    tp.save(p);
    CHECK(findings_of(tp, "disclosure-missing").empty());
  }
  SECTION("bad: one variant lacks it; #adventure is not #ad") {
    auto p = make_post("sponsored", "Our partner's kit #ad", {"feed", "masto"});
    p.tags = {"launch", "ad"};
    p.variants["masto"] = "Our partner's kit #adventure";
    tp.save(p);
    CHECK(findings_of(tp, "disclosure-missing") ==
          Lines{"posts/sponsored.json: /variants/masto: tagged \"ad\" but the text for masto has no disclosure"});
  }
  SECTION("settings: own tags and markers") {
    set_audit(tp, R"({"rules": {"disclosure-missing": {"tags": ["partner"], "markers": ["[Anzeige]"]}}})");
    auto p = make_post("partner", "Great kit #ad");
    p.tags = {"partner"};
    tp.save(p);
    auto q = make_post("sponsored", "Not a configured tag");
    q.tags = {"sponsored"};
    tp.save(q);
    CHECK(findings_of(tp, "disclosure-missing") ==
          Lines{"posts/partner.json: /text: tagged \"partner\" but the text for feed has no disclosure"});
  }
}

TEST_CASE("too-many-hashtags: per target text, max from the settings", "[audit]") {
  TempProject tp;
  SECTION("good") {
    tp.save(make_post("five", "#a #b #c #d #e"));
    CHECK(findings_of(tp, "too-many-hashtags").empty());
  }
  SECTION("bad") {
    tp.save(make_post("six", "#a #b #c #d #e #f"));
    CHECK(findings_of(tp, "too-many-hashtags") == Lines{"posts/six.json: /text: 6 hashtags, more than 5"});
  }
  SECTION("max setting") {
    set_audit(tp, R"({"rules": {"too-many-hashtags": {"max": 1}}})");
    tp.save(make_post("two", "#a #b"));
    CHECK(findings_of(tp, "too-many-hashtags") == Lines{"posts/two.json: /text: 2 hashtags, more than 1"});
  }
}

TEST_CASE("utm-missing: links to the brand's domains and subdomains need UTM parameters", "[audit]") {
  TempProject tp;
  set_audit(tp, R"({"rules": {"utm-missing": {"domains": ["acme.com"]}}})");
  SECTION("good: tagged links, and other domains") {
    tp.save(make_post("ok", "See https://shop.acme.com/x?utm_source=m&utm_medium=social&utm_campaign=q4 and https://notacme.com/"));
    CHECK(findings_of(tp, "utm-missing").empty());
  }
  SECTION("bad") {
    tp.save(make_post("bare", "See https://acme.com/pricing?utm_source=m"));
    CHECK(findings_of(tp, "utm-missing") ==
          Lines{"posts/bare.json: /text: link https://acme.com/pricing?utm_source=m lacks utm_medium, utm_campaign"});
  }
  SECTION("params setting") {
    set_audit(tp, R"({"rules": {"utm-missing": {"domains": ["acme.com"], "params": ["ref"]}}})");
    tp.save(make_post("ref", "https://www.acme.com/?ref=x and https://acme.com/"));
    CHECK(findings_of(tp, "utm-missing") == Lines{"posts/ref.json: /text: link https://acme.com/ lacks ref"});
  }
}

TEST_CASE("duplicate-text: the same text to the same account within N days, on the later post", "[audit]") {
  TempProject tp;
  tp.add_account("masto", "mastodon");
  SECTION("good: far enough apart, other accounts, drafts") {
    tp.save(make_post("a", "Same words", {"feed"}, "2026-11-24T09:00:00+01:00"));
    tp.save(make_post("b", "Same words", {"feed"}, "2026-11-27T09:00:00+01:00"));
    tp.save(make_post("c", "Same words", {"masto"}, "2026-11-24T10:00:00+01:00"));
    auto d = make_post("d", "Same words", {"feed"}, "2026-11-24T11:00:00+01:00");
    d.status = "draft";
    tp.save(d);
    CHECK(findings_of(tp, "duplicate-text").empty());
  }
  SECTION("bad: case and spacing do not matter") {
    tp.save(make_post("z-first", "Same  words", {"feed", "masto"}, "2026-11-24T09:00:00+01:00"));
    tp.save(make_post("a-later", "same words\n", {"masto"}, "2026-11-26T09:00:00+01:00"));
    CHECK(findings_of(tp, "duplicate-text") == Lines{"posts/a-later.json: /text: same text as z-first to masto within 3 days"});
  }
  SECTION("days setting") {
    set_audit(tp, R"({"rules": {"duplicate-text": {"days": 7}}})");
    tp.save(make_post("a", "Same words", {"feed"}, "2026-11-24T09:00:00+01:00"));
    tp.save(make_post("b", "Same words", {"feed"}, "2026-11-30T09:00:00+01:00"));
    CHECK(findings_of(tp, "duplicate-text") == Lines{"posts/b.json: /text: same text as a to feed within 7 days"});
  }
}

TEST_CASE("empty-post: neither text nor media", "[audit]") {
  TempProject tp;
  SECTION("good") {
    tp.save(make_post("text", "Words"));
    auto p = make_post("media-only", "");
    p.media.push_back({.path = "media/cat.jpg", .alt = "A cat"});
    tp.save(p);
    CHECK(findings_of(tp, "empty-post").empty());
  }
  SECTION("bad") {
    tp.save(make_post("blank", " \n "));
    CHECK(findings_of(tp, "empty-post") == Lines{"posts/blank.json: /text: no text and no media"});
  }
}

TEST_CASE("post rules check only the selected posts", "[audit]") {
  TempProject tp;
  tp.save(make_post("one", ""));
  tp.save(make_post("two", ""));
  CHECK(findings_of(tp, "empty-post", {"two"}) == Lines{"posts/two.json: /text: no text and no media"});
}

}  // namespace
}  // namespace smm::test
