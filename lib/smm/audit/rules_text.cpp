// SPDX-License-Identifier: MIT
// Text rules: platform limits (text-too-long), brand (banned-word, disclosure-missing,
// too-many-hashtags, utm-missing) and hygiene (duplicate-text, empty-post).
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "smm/audit/families.hpp"
#include "smm/plan/render.hpp"
#include "smm/text/extract.hpp"

namespace smm::audit {
namespace {

/// The texts of a post worth checking once each: pointer -> text, and the accounts that get it.
struct Field {
  std::string pointer;
  const std::string* text;
  std::vector<std::string> accounts;  ///< empty for first_comment
};

/// The main text (when some unpublished target gets it), each variant of an unpublished target,
/// and the first comment.
std::vector<Field> fields(const project::Post& post) {
  std::vector<Field> out;
  out.push_back({"/text", &post.text, {}});
  for (const auto& account : post.targets) {
    if (target_published(post, account)) {
      continue;
    }
    if (auto it = post.variants.find(account); it != post.variants.end()) {
      out.push_back({text_pointer(post, account), &it->second, {account}});
    } else {
      out.front().accounts.push_back(account);
    }
  }
  if (out.front().accounts.empty() && !post.targets.empty()) {
    out.erase(out.begin());
  }
  if (!post.first_comment.empty()) {
    out.push_back({"/first_comment", &post.first_comment, {}});
  }
  return out;
}

/// The text rules' settings, read from the config once per audit rather than once per post.
struct Settings {
  std::vector<std::string> banned_words;
  std::vector<std::string> disclosure_tags;
  std::vector<std::string> disclosure_markers;
  long long max_hashtags = 5;
  std::vector<std::string> utm_domains;
  std::vector<std::string> utm_params;
};

std::vector<std::string> setting_or(const Input& input, const char* rule, const char* key, std::vector<std::string> fallback) {
  return input.config.has(rule, key) ? input.config.strings(rule, key) : std::move(fallback);
}

Settings settings_of(const Input& input) {
  Settings s;
  s.banned_words = input.config.strings("banned-word", "words");
  s.disclosure_tags = setting_or(input, "disclosure-missing", "tags", {"sponsored", "ad", "paid"});
  s.disclosure_markers = setting_or(input, "disclosure-missing", "markers", {"#ad", "#sponsored", "#paid", "paid partnership"});
  s.max_hashtags = input.config.number("too-many-hashtags", "max", 5);
  s.utm_domains = input.config.strings("utm-missing", "domains");
  s.utm_params = setting_or(input, "utm-missing", "params", {"utm_source", "utm_medium", "utm_campaign"});
  return s;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

/// Letters, digits, '_' and every byte of a multi-byte UTF-8 character join a word.
bool word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// True when `phrase` occurs in `text` (ASCII case-insensitive) and is not part of a longer word.
bool contains_phrase(std::string_view text, std::string_view phrase) {
  if (phrase.empty()) {
    return false;
  }
  std::string hay = lowered(text);
  std::string needle = lowered(phrase);
  for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) {
    auto end = pos + needle.size();
    bool left = pos == 0 || !word_byte(hay[pos - 1]) || !word_byte(needle.front());
    bool right = end >= hay.size() || !word_byte(hay[end]) || !word_byte(needle.back());
    if (left && right) {
      return true;
    }
  }
  return false;
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : sep) + item;
  }
  return out;
}

std::string unit_for(const std::string& platform) {
  if (platform == "x") {
    return "weighted characters";
  }
  if (platform == "bluesky") {
    return "graphemes";
  }
  return "characters";
}

void check_limits(const Input& input, const project::Post& post, Findings& out) {
  std::string mode = post.thread.empty() ? input.project.settings.thread : post.thread;
  std::string hint = mode == "off" ? "shorten it, or set \"thread\": \"auto\" to split it into a thread" : "shorten it";
  for (const auto& t : plan::render(input.project, post)) {
    if (!t.over || target_published(post, t.account)) {
      continue;
    }
    std::string where = text_pointer(post, t.account);
    bool reported = false;
    for (std::size_t i = 0; i < t.parts.size(); ++i) {
      const auto& part = t.parts[i];
      if (t.limit <= 0 || part.length <= static_cast<std::size_t>(t.limit)) {
        continue;
      }
      std::string which = t.parts.size() > 1 ? "part " + std::to_string(i + 1) + "/" + std::to_string(t.parts.size()) + " " : "";
      out.push_back(post_finding("text-too-long", post, where,
                                 which + "for " + t.account + ": " + std::to_string(part.length) + "/" +
                                     std::to_string(t.limit) + " " + unit_for(t.platform),
                                 hint));
      reported = true;
    }
    if (!reported) {  // over by a measure other than the per-part count (e.g. Bluesky's bytes)
      out.push_back(post_finding("text-too-long", post, where, "for " + t.account + ": over " + t.platform + "'s limit", hint));
    }
  }
}

void check_banned(const Settings& settings, const project::Post& post, const std::vector<Field>& fields, Findings& out) {
  for (const auto& field : fields) {
    for (const auto& word : settings.banned_words) {
      if (contains_phrase(*field.text, word)) {
        out.push_back(post_finding("banned-word", post, field.pointer, "banned word \"" + word + "\"",
                                   "reword it, or change the list in smm.json: /audit/rules/banned-word/words"));
      }
    }
  }
}

void check_disclosure(const Settings& settings, const project::Post& post, const std::vector<Field>& fields, Findings& out) {
  const auto& tags = settings.disclosure_tags;
  const auto& markers = settings.disclosure_markers;
  auto tagged = std::find_first_of(post.tags.begin(), post.tags.end(), tags.begin(), tags.end());
  if (tagged == post.tags.end() || markers.empty()) {
    return;
  }
  for (const auto& field : fields) {
    if (field.accounts.empty()) {
      continue;  // a first comment need not carry the disclosure
    }
    bool disclosed = std::any_of(markers.begin(), markers.end(), [&](const std::string& m) { return contains_phrase(*field.text, m); });
    if (!disclosed) {
      out.push_back(post_finding("disclosure-missing", post, field.pointer,
                                 "tagged \"" + *tagged + "\" but the text for " + join(field.accounts) + " has no disclosure",
                                 "add one of " + join(markers) + " to the text"));
    }
  }
}

void check_hashtags(const Settings& settings, const project::Post& post, const std::vector<Field>& fields, Findings& out) {
  const long long max = settings.max_hashtags;
  for (const auto& field : fields) {
    if (field.accounts.empty()) {
      continue;
    }
    auto count = static_cast<long long>(text::extract_hashtags(*field.text).size());
    if (count > max) {
      out.push_back(post_finding("too-many-hashtags", post, field.pointer,
                                 std::to_string(count) + " hashtags, more than " + std::to_string(max),
                                 "keep the " + std::to_string(max) + " that matter most"));
    }
  }
}

/// The lower-case host of a URL written with or without a scheme.
std::string host_of(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (auto at = url.rfind('@'); at != std::string_view::npos) {
    url.remove_prefix(at + 1);
  }
  return lowered(url.substr(0, url.find(':')));
}

/// The names of the query parameters of a URL.
std::set<std::string> params_of(std::string_view url) {
  std::set<std::string> names;
  auto q = url.find('?');
  if (q == std::string_view::npos) {
    return names;
  }
  std::string_view query = url.substr(q + 1);
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    std::string_view pair = query.substr(0, query.find('&'));
    names.insert(std::string(pair.substr(0, pair.find('='))));
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
  }
  return names;
}

bool own_domain(const std::string& host, const std::vector<std::string>& domains) {
  return std::any_of(domains.begin(), domains.end(), [&](const std::string& d) {
    std::string domain = lowered(d);
    return host == domain || host.ends_with("." + domain);
  });
}

void check_utm(const Settings& settings, const project::Post& post, const std::vector<Field>& fields, Findings& out) {
  if (settings.utm_domains.empty()) {
    return;
  }
  const auto& params = settings.utm_params;
  for (const auto& field : fields) {
    for (const auto& url : text::extract_urls(*field.text)) {
      if (!own_domain(host_of(url.text), settings.utm_domains)) {
        continue;
      }
      auto present = params_of(url.text);
      std::vector<std::string> missing;
      std::copy_if(params.begin(), params.end(), std::back_inserter(missing), [&](const std::string& p) { return !present.contains(p); });
      if (!missing.empty()) {
        out.push_back(post_finding("utm-missing", post, field.pointer, "link " + url.text + " lacks " + join(missing),
                                   "add ?" + join(missing, "=...&") + "=... to the link"));
      }
    }
  }
}

void check_empty(const project::Post& post, Findings& out) {
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  bool any_text = !blank(post.text) || std::any_of(post.variants.begin(), post.variants.end(), [&](const auto& v) { return !blank(v.second); });
  if (!any_text && post.media.empty()) {
    out.push_back(post_finding("empty-post", post, "/text", "no text and no media",
                               "add text or media, or remove it with `smm plan rm " + post.id + "`"));
  }
}

/// Lower-case ASCII, runs of whitespace as one space, trimmed: what a reader sees as "the same".
std::string normalised(std::string_view text) {
  std::string out(text.size(), ' ');  // never longer than the text: written in place, then cut
  std::size_t size = 0;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = size > 0;
      continue;
    }
    size += space ? 1 : 0;  // the ' ' already there
    space = false;
    out[size++] = lower(c);
  }
  out.resize(size);
  return out;
}

struct Sent {
  time::Instant at;
  const project::Post* post;
  const std::string* account;
  std::size_t hash;  ///< of the normalised text
};

/// Each scheduled (post, account) with text, sorted by account, text hash, time and id: sorting
/// small records instead of indexing whole texts keeps this cheap on a large calendar.
std::vector<Sent> sent_texts(const Input& input) {
  std::vector<Sent> out;
  for (const auto& post : input.project.posts) {
    if (post.status == "draft" || !post.at) {
      continue;
    }
    for (const auto& account : post.targets) {
      std::string text = normalised(post.text_for(account));
      if (!text.empty()) {
        out.push_back({*post.at, &post, &account, std::hash<std::string>{}(text)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Sent& a, const Sent& b) {
    return std::tie(*a.account, a.hash, a.at, a.post->id) < std::tie(*b.account, b.hash, b.at, b.post->id);
  });
  return out;
}

/// Reports each post of `group` (one text to one account, in time order) sent within `days` of
/// the one before it.
void report_repeats(const Input& input, const std::vector<const Sent*>& group, long long days, Findings& out) {
  auto window = std::chrono::hours(24 * days);
  for (std::size_t i = 1; i < group.size(); ++i) {
    const Sent& later = *group[i];
    const Sent& earlier = *group[i - 1];
    const std::string& account = *later.account;
    if (later.at - earlier.at >= window || !selected(input, *later.post) || target_published(*later.post, account)) {
      continue;
    }
    out.push_back(post_finding("duplicate-text", *later.post, text_pointer(*later.post, account),
                               "same text as " + earlier.post->id + " to " + account + " within " + std::to_string(days) + " days",
                               "reword one of them or space them further apart"));
  }
}

}  // namespace

/// Same normalised text to the same account within `days`: reported on the later post.
void check_duplicates(const Input& input, Findings& out) {
  long long days = input.config.number("duplicate-text", "days", 3);
  const std::vector<Sent> sent = sent_texts(input);
  for (std::size_t begin = 0, end = 0; begin < sent.size(); begin = end) {
    end = begin + 1;
    while (end < sent.size() && sent[end].hash == sent[begin].hash && *sent[end].account == *sent[begin].account) {
      ++end;
    }
    if (end - begin < 2) {
      continue;
    }
    // The same hash: the same text, unless two texts collide, so group by the text itself.
    std::map<std::string, std::vector<const Sent*>> by_text;
    for (std::size_t i = begin; i < end; ++i) {
      by_text[normalised(sent[i].post->text_for(*sent[i].account))].push_back(&sent[i]);
    }
    for (const auto& [text, group] : by_text) {
      report_repeats(input, group, days, out);
    }
  }
}

void check_text(const Input& input, Findings& out) {
  // Exact counting and thread splitting are the costly part of an audit: on every core.
  const Settings settings = settings_of(input);
  for_each_post(input, [&](const project::Post& post, Findings& found) {
    check_empty(post, found);
    check_limits(input, post, found);
    const std::vector<Field> texts = fields(post);
    check_banned(settings, post, texts, found);
    check_disclosure(settings, post, texts, found);
    check_hashtags(settings, post, texts, found);
    check_utm(settings, post, texts, found);
  }, out);
}

}  // namespace smm::audit
