// SPDX-License-Identifier: MIT
// Mastodon media: upload with POST /api/v2/media (multipart/form-data), then poll
// GET /api/v1/media/:id while the server processes it (202 on upload, 206 on polls), because a
// status that names an unprocessed attachment is refused with 422.
#include <algorithm>

#include "smm/http/form.hpp"
#include "smm/platform/mastodon.hpp"
#include "smm/project/files.hpp"

namespace smm::platform {
namespace {

/// Polls before giving up, and the waits between them: 0.5 s, doubling, at most 5 s (about
/// two minutes in all: a short video).
constexpr int k_polls = 30;
constexpr std::chrono::milliseconds k_first_wait{500};
constexpr std::chrono::milliseconds k_max_wait{5000};
/// An upload may take longer than a JSON request.
constexpr std::chrono::milliseconds k_upload_timeout{300'000};

std::string file_name(const Media& media) {
  std::string name = media.file.filename().string();
  return name.empty() ? std::filesystem::path(media.path).filename().string() : name;
}

}  // namespace

http::Request MastodonClient::media_request(const Media& media, const std::string& bytes,
                                            std::string_view boundary) const {
  std::vector<http::FormField> fields{{"file", bytes, file_name(media), media.mime}};
  if (!media.alt.empty()) {
    fields.push_back({"description", media.alt, "", ""});
  }
  http::Multipart body = http::multipart(fields, boundary);
  http::Request r = m_config.api.request("POST", "/api/v2/media", "");
  r.headers.emplace_back("Content-Type", body.content_type);
  r.body = std::move(body.body);
  r.timeout.total = std::max(r.timeout.total, k_upload_timeout);
  return r;
}

Result<std::vector<std::string>> MastodonClient::upload_media(const std::vector<Media>& media,
                                                              const std::string& token) {
  std::vector<std::string> ids;
  for (const Media& m : media) {
    auto id = upload_one(m, token);
    if (!id) {
      return std::unexpected(id.error());
    }
    ids.push_back(std::move(*id));
  }
  return ids;
}

Result<std::string> MastodonClient::upload_one(const Media& media, const std::string& token) {
  auto bytes = project::read_file(media.file);
  if (!bytes) {
    return std::unexpected(bytes.error());
  }
  http::Request r = media_request(media, *bytes, "smm-" + random_token(16));
  r.headers.emplace(r.headers.begin(), "Authorization", "Bearer " + token);
  std::string what = "uploading " + media.path;
  auto response = m_config.api.send(r, what);
  if (!response) {
    return std::unexpected(response.error());
  }
  Json doc = Json::parse(response->body, nullptr, false);
  if (!doc.is_object() || !doc.value("id", Json()).is_string()) {
    return fail(ErrorKind::runtime, m_config.api.host + ": " + what + ": the answer has no media id");
  }
  std::string id = doc["id"].get<std::string>();
  if (response->status == 202 || doc.value("url", Json()).is_null()) {
    if (auto ok = wait_processed(id, media.path, token); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return id;
}

Result<void> MastodonClient::wait_processed(const std::string& id, const std::string& path, const std::string& token) {
  std::chrono::milliseconds wait = k_first_wait;
  for (int i = 0; i < k_polls; ++i) {
    m_sleep(wait);
    wait = std::min(wait * 2, k_max_wait);
    auto response = m_config.api.send(m_config.api.request("GET", "/api/v1/media/" + http::percent_encode(id), token),
                                      "processing " + path);
    if (!response) {
      return std::unexpected(response.error());
    }
    if (response->status == 200) {
      return {};
    }
  }
  return std::unexpected(Error{ErrorKind::runtime, m_config.api.host + ": " + path + " is still being processed",
                               "smm post tries again on its next run", "", true});
}

}  // namespace smm::platform
