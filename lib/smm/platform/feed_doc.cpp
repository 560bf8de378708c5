// SPDX-License-Identifier: MIT
// The feed documents: JSON Feed 1.1 items and the Atom 1.0 rendering.
#include <algorithm>

#include "smm/creds/store.hpp"
#include "smm/platform/feed.hpp"
#include "smm/project/model.hpp"

namespace smm::platform {
namespace {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

/// XML 1.0 allows no C0 controls but tab, newline and carriage return.
std::string xml_escape(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      clean += c;
    }
  }
  return html_escape(clean);
}

/// Paragraphs on blank lines, <br> on single newlines.
std::string text_html(std::string_view text) {
  std::string out = "<p>";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      out += "</p><p>";
      while (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else if (text[i] == '\n') {
      out += "<br>";
    } else {
      out += html_escape(std::string_view(&text[i], 1));
    }
  }
  return out + "</p>";
}

std::string media_href(const FeedSettings& settings, const Media& m) {
  if (!settings.media_url.empty()) {
    std::string base = settings.media_url;
    std::string rel = m.path.starts_with("media/") ? m.path.substr(6) : m.path;
    return base + (base.ends_with('/') ? "" : "/") + rel;
  }
  return m.file.lexically_relative(settings.dir).generic_string();
}

/// The first line, at most 80 bytes, cut on a code point boundary.
std::string title_of(std::string_view text) {
  std::string_view line = text.substr(0, text.find('\n'));
  if (line.size() <= 80) {
    return std::string(line);
  }
  std::size_t cut = 79;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return std::string(line.substr(0, cut)) + "\u2026";
}

std::string tag_authority(const FeedSettings& settings) {
  std::string host = creds::server_host(settings.home_page_url);
  if (auto colon = host.find(':'); colon != std::string::npos) {
    host.erase(colon);
  }
  return host.empty() ? "localhost" : host;
}

std::string str(const Json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Json feed_item(const FeedSettings& settings, const Part& part, const time::Zone& zone) {
  std::string date = time::format_rfc3339(part.at, time::utc()).substr(0, 10);
  std::string id = "tag:" + tag_authority(settings) + "," + date + ":" + part.account + "/" + part.post->id;
  Json item = Json::object();
  item["id"] = id;
  if (!settings.item_url.empty()) {
    std::string url = settings.item_url;
    if (auto at = url.find("{id}"); at != std::string::npos) {
      url.replace(at, 4, part.post->id);
    }
    item["url"] = url;
  }
  item["title"] = title_of(part.text);
  item["content_text"] = part.text;
  std::string html = text_html(part.text);
  Json attachments = Json::array();
  for (const auto& m : part.media) {
    std::string href = media_href(settings, m);
    html += "<p><img src=\"" + html_escape(href) + "\" alt=\"" + html_escape(m.alt) + "\"></p>";
    Json a = {{"url", href}, {"mime_type", m.mime}, {"size_in_bytes", m.size}};
    if (!m.alt.empty()) {
      a["title"] = m.alt;
    }
    attachments.push_back(a);
  }
  item["content_html"] = html;
  item["date_published"] = time::format_rfc3339(part.at, zone);
  if (!part.post->tags.empty()) {
    item["tags"] = part.post->tags;
  }
  if (!attachments.empty()) {
    item["attachments"] = attachments;
  }
  return item;
}

Json feed_with(const FeedSettings& settings, Json feed, Json item) {
  if (!feed.is_object()) {
    feed = Json::object();
  }
  Json doc = Json::object();
  doc["version"] = "https://jsonfeed.org/version/1.1";
  doc["title"] = settings.title;
  if (!settings.home_page_url.empty()) {
    doc["home_page_url"] = settings.home_page_url;
  }
  if (!settings.base_url.empty()) {
    doc["feed_url"] = settings.base_url + (settings.base_url.ends_with('/') ? "" : "/") + "feed.json";
  }
  if (!settings.description.empty()) {
    doc["description"] = settings.description;
  }
  if (!settings.language.empty()) {
    doc["language"] = settings.language;
  }
  doc["authors"] = Json::array({Json{{"name", settings.author.empty() ? settings.title : settings.author}}});
  std::vector<Json> items;
  if (auto it = feed.find("items"); it != feed.end() && it->is_array()) {
    for (auto& old : *it) {
      if (old.is_object() && str(old, "id") != str(item, "id")) {
        items.push_back(std::move(old));
      }
    }
  }
  if (!item.is_null()) {
    items.push_back(std::move(item));
  }
  // Newest first; RFC 3339 strings with different offsets compare by their instant.
  auto key = [](const Json& i) {
    auto t = time::parse_rfc3339(str(i, "date_published"));
    return t ? t->time_since_epoch().count() : 0;
  };
  std::stable_sort(items.begin(), items.end(), [&](const Json& a, const Json& b) {
    auto ka = key(a);
    auto kb = key(b);
    return ka != kb ? ka > kb : str(a, "id") > str(b, "id");
  });
  if (items.size() > settings.max_items) {
    items.resize(settings.max_items);
  }
  doc["items"] = Json(items);
  return doc;
}

namespace {

void atom_entry(std::string& out, const Json& item) {
  std::string published = str(item, "date_published");
  out += "  <entry>\n";
  out += "    <id>" + xml_escape(str(item, "id")) + "</id>\n";
  out += "    <title>" + xml_escape(str(item, "title")) + "</title>\n";
  out += "    <published>" + xml_escape(published) + "</published>\n";
  out += "    <updated>" + xml_escape(published) + "</updated>\n";
  if (std::string url = str(item, "url"); !url.empty()) {
    out += "    <link rel=\"alternate\" href=\"" + xml_escape(url) + "\"/>\n";
  }
  if (auto tags = item.find("tags"); tags != item.end() && tags->is_array()) {
    for (const auto& t : *tags) {
      out += "    <category term=\"" + xml_escape(t.is_string() ? t.get<std::string>() : "") + "\"/>\n";
    }
  }
  if (auto files = item.find("attachments"); files != item.end() && files->is_array()) {
    for (const auto& a : *files) {
      out += "    <link rel=\"enclosure\" href=\"" + xml_escape(str(a, "url")) + "\" type=\"" +
             xml_escape(str(a, "mime_type")) + "\" length=\"" +
             std::to_string(a.value("size_in_bytes", std::uintmax_t{0})) + "\"/>\n";
    }
  }
  out += "    <content type=\"html\">" + xml_escape(str(item, "content_html")) + "</content>\n";
  out += "  </entry>\n";
}

}  // namespace

std::string atom_from(const FeedSettings& settings, const Json& feed, const std::string& updated) {
  const Json& items = feed.contains("items") ? feed["items"] : Json::array();
  std::string newest = !items.empty() ? str(items.front(), "date_published") : updated;
  std::string id = settings.home_page_url.empty() ? "tag:" + tag_authority(settings) + ",2026:feed"
                                                  : settings.home_page_url;
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  out += settings.language.empty() ? ">\n" : " xml:lang=\"" + xml_escape(settings.language) + "\">\n";
  out += "  <id>" + xml_escape(id) + "</id>\n";
  out += "  <title>" + xml_escape(settings.title) + "</title>\n";
  if (!settings.description.empty()) {
    out += "  <subtitle>" + xml_escape(settings.description) + "</subtitle>\n";
  }
  out += "  <updated>" + xml_escape(newest) + "</updated>\n";
  out += "  <author><name>" + xml_escape(settings.author.empty() ? settings.title : settings.author) +
         "</name></author>\n";
  if (!settings.home_page_url.empty()) {
    out += "  <link rel=\"alternate\" href=\"" + xml_escape(settings.home_page_url) + "\"/>\n";
  }
  if (!settings.base_url.empty()) {
    out += "  <link rel=\"self\" href=\"" +
           xml_escape(settings.base_url + (settings.base_url.ends_with('/') ? "" : "/") + "atom.xml") + "\"/>\n";
  }
  out += "  <generator>smm</generator>\n";
  for (const auto& item : items) {
    atom_entry(out, item);
  }
  out += "</feed>\n";
  return out;
}

}  // namespace smm::platform
