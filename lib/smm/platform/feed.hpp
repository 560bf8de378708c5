// SPDX-License-Identifier: MIT
#pragma once

// The built-in `feed` platform: publishes into a JSON Feed 1.1 file (feed.json) and an Atom 1.0
// file (atom.xml) inside the project, newest first, capped at max_items. No network: it is the
// embedded default of the demo and of many tests. feed.json is the record; atom.xml is rendered
// from it on every write. An item's id is a tag URI (RFC 4151) made of the home page's host, the
// UTC date of its scheduled time, the account and the post id, so publishing the same post again
// replaces its item: the feed is idempotent by construction.
//
// Settings: smm.json "feed" with the account's own "feed" object over it:
//   title, description, home_page_url, base_url (where the feed directory is served: gives
//   feed_url and the Atom self link), media_url (base URL of media/; default: a path relative to
//   the feed directory), item_url (template with {id}), path (default "feed"), max_items (50),
//   author, language.

#include <string>

#include "smm/platform/client.hpp"

namespace smm::platform {

struct FeedSettings {
  std::string title;
  std::string description;
  std::string home_page_url;
  std::string base_url;
  std::string media_url;
  std::string item_url;
  std::string author;
  std::string language;
  std::filesystem::path dir;  ///< absolute
  std::string dir_name;       ///< as configured, relative to the project ("feed")
  std::size_t max_items = 50;
};

/// The settings of a feed account (smm.json "feed", overridden by the account's "feed").
Result<FeedSettings> feed_settings(const project::Project& project, const project::Account& account);

/// The JSON Feed item for a part.
Json feed_item(const FeedSettings& settings, const Part& part, const time::Zone& zone);
/// `feed` (a JSON Feed document, or null for a new one) with `item` added or replaced by id,
/// items newest first (date_published, then id), at most settings.max_items.
Json feed_with(const FeedSettings& settings, Json feed, Json item);
/// The Atom 1.0 rendering of a JSON Feed document.
std::string atom_from(const FeedSettings& settings, const Json& feed, const std::string& updated);

class FeedClient final : public Client {
 public:
  FeedClient(FeedSettings settings, time::Zone zone) : m_settings(std::move(settings)), m_zone(zone) {}
  static Result<std::unique_ptr<Client>> make(const Env& env);

  [[nodiscard]] Capabilities capabilities() const override;
  Result<Remote> publish(const Part& part) override;
  Result<std::optional<Remote>> find(const Part& part) override;
  [[nodiscard]] std::vector<http::Request> preview(const Part& part) const override;
  Result<void> remove(const Remote& remote) override;
  Result<Identity> check() override;

 private:
  Result<Json> read() const;
  Result<void> write(const Json& feed) const;

  FeedSettings m_settings;
  time::Zone m_zone;
};

}  // namespace smm::platform
