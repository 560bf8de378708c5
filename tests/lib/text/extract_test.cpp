// SPDX-License-Identifier: MIT
#include "smm/text/extract.hpp"

#include <string>
#include <vector>

#include "support/catch.hpp"

using namespace smm::text;

namespace {

std::vector<std::string> texts(const std::vector<Entity>& entities) {
  std::vector<std::string> out;
  for (const auto& e : entities) {
    out.push_back(e.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("URLs with and without a scheme", "[text][extract]") {
  CHECK(texts(extract_urls("see https://example.com/a?b=c and example.org")) ==
        Strings{"https://example.com/a?b=c", "example.org"});
  CHECK(texts(extract_urls("see https://example.com/a and example.org", Scheme::required)) ==
        Strings{"https://example.com/a"});
  CHECK(texts(extract_urls("www.example.com foo.co.jp t.co")) ==
        Strings{"www.example.com", "foo.co.jp", "t.co"});
  CHECK(texts(extract_urls("HTTPS://www.ExaMPLE.COM/index.html")) ==
        Strings{"HTTPS://www.ExaMPLE.COM/index.html"});
  CHECK(texts(extract_urls("http://example.com/Русские_слова")) ==
        Strings{"http://example.com/Русские_слова"});
  CHECK(texts(extract_urls("\xE3\x81\x93\xE3\x82\x8C\xE3\x81\xAF"
                           "example.com\xE3\x81\xA7\xE3\x81\x99")) == Strings{"example.com"});
}

TEST_CASE("URL boundaries and trailing punctuation", "[text][extract]") {
  CHECK(texts(extract_urls("Go to example.com.")) == Strings{"example.com"});
  CHECK(texts(extract_urls("(see https://example.com/x)")) == Strings{"https://example.com/x"});
  CHECK(texts(extract_urls("https://en.wikipedia.org/wiki/Rust_(language), ok")) ==
        Strings{"https://en.wikipedia.org/wiki/Rust_(language)"});
  CHECK(texts(extract_urls("https://example.com/?q=1!")) == Strings{"https://example.com/?q=1"});
  CHECK(texts(extract_urls("Hi http://test.co")) == Strings{"http://test.co"});
  const auto urls = extract_urls("ok: https://a.example.com/b.");
  REQUIRE(urls.size() == 1);
  CHECK(urls[0].begin == 4);
  CHECK(urls[0].end == 27);
}

TEST_CASE("things that are not URLs", "[text][extract]") {
  CHECK(extract_urls("no dots here").empty());
  CHECK(extract_urls("example.notatld").empty());
  CHECK(extract_urls("example.de").empty());  // a country domain needs a scheme or a path
  CHECK(texts(extract_urls("example.de/path")) == Strings{"example.de/path"});
  CHECK(extract_urls("ftp://www.example.com/x").empty());  // only http(s); "/www..." is no bare URL
  CHECK(extract_urls("http://www.-domain4352.com/").empty());
  CHECK(extract_urls("mail me at a_b.com").empty());
  CHECK(extract_urls("@user.example.com").empty());
  CHECK(extract_urls(std::string(64, 'a') + ".com").empty());  // a label over 63 characters
}

TEST_CASE("hashtags", "[text][extract]") {
  CHECK(texts(extract_hashtags("#tag #日本語 #ашок #트위터 #1st")) ==
        Strings{"#tag", "#日本語", "#ашок", "#트위터", "#1st"});
  CHECK(extract_hashtags("#12345").empty());
  CHECK(extract_hashtags("a#b &#x").empty());
  CHECK(texts(extract_hashtags("#ok. #fine!")) == Strings{"#ok", "#fine"});
  CHECK(texts(extract_hashtags("\xEF\xBC\x83"
                               "fullwidth")) == Strings{"\xEF\xBC\x83"
                                                        "fullwidth"});
  CHECK(extract_hashtags("https://example.com/#anchor").empty());
  CHECK(extract_hashtags("#a#b").empty());
  CHECK(texts(extract_hashtags("#café_au_lait")) == Strings{"#café_au_lait"});
}

TEST_CASE("mentions, local and remote", "[text][extract]") {
  CHECK(texts(extract_mentions("@alice and @bob@example.social.")) ==
        Strings{"@alice", "@bob@example.social"});
  CHECK(texts(extract_mentions("hi @atproto.com!")) == Strings{"@atproto.com"});
  CHECK(extract_mentions("mail a@b.com").empty());
  CHECK(texts(extract_mentions("RT @bob: hi")) == Strings{"@bob"});
  CHECK(extract_mentions("@ alone").empty());
  const auto m = extract_mentions("x @carol@mastodon.example");
  REQUIRE(m.size() == 1);
  CHECK(m[0].begin == 2);
  CHECK(m[0].end == 25);
}
