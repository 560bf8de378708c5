// SPDX-License-Identifier: MIT
#include "smm/plan/render.hpp"

#include <openssl/evp.h>

#include "smm/text/split.hpp"

namespace smm::plan {

std::vector<TargetRender> render(const project::Project& project, const project::Post& post) {
  std::vector<TargetRender> out;
  std::string mode = post.thread.empty() ? project.settings.thread : post.thread;
  for (const auto& account : post.targets) {
    TargetRender t;
    t.account = account;
    const project::Account* a = project.account(account);
    t.platform = a != nullptr ? a->platform : "";
    t.paused = project.settings.paused || (a != nullptr && a->paused);
    t.limit = project.char_limit(account);
    t.zone = project.zone_for(account);
    const std::string& text = post.text_for(account);
    std::vector<std::string> pieces;
    if (mode == "off") {
      pieces.push_back(text);
    } else {
      text::SplitOptions options;
      options.limit = t.limit > 0 ? static_cast<std::size_t>(t.limit) : std::string::npos / 4;
      options.markers = project.settings.thread_markers;
      pieces = text::split_thread(text, options);
    }
    for (auto& piece : pieces) {
      std::size_t length = text::count_code_points(piece);
      t.over = t.over || (t.limit > 0 && length > static_cast<std::size_t>(t.limit));
      t.parts.push_back({std::move(piece), length});
    }
    if (auto it = post.publish.find(account); it != post.publish.end()) {
      t.state = it->second.state;
      t.url = it->second.url;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string payload_hash(const project::Project& project, const project::Post& post) {
  project::Json doc = project::Json::array();
  for (const auto& t : render(project, post)) {
    project::Json parts = project::Json::array();
    for (const auto& p : t.parts) {
      parts.push_back(p.text);
    }
    doc.push_back({{"account", t.account}, {"parts", parts}});
  }
  project::Json media = project::Json::array();
  for (const auto& m : post.media) {
    media.push_back({{"path", m.path}, {"alt", m.alt}});
  }
  std::string bytes = project::Json{{"targets", doc}, {"media", media}, {"first_comment", post.first_comment}}.dump();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  std::string hex = "sha256:";
  static const char* k_hex = "0123456789abcdef";
  for (unsigned int i = 0; i < size; ++i) {
    hex += k_hex[digest[i] >> 4];
    hex += k_hex[digest[i] & 15];
  }
  return hex;
}

}  // namespace smm::plan
