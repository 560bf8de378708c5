// SPDX-License-Identifier: MIT
#include "smm/platform/mastodon.hpp"

#include <algorithm>
#include <array>
#include <thread>

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/http/form.hpp"
#include "smm/project/project.hpp"
#include "smm/text/count.hpp"

namespace smm::platform {
namespace {

constexpr std::array<std::string_view, 4> k_visibilities{"public", "unlisted", "private", "direct"};

/// The server's "error" (and "error_description") text of an error body, at most 300 bytes.
std::string server_text(const std::string& body) {
  Json doc = Json::parse(body, nullptr, false);
  if (!doc.is_object()) {
    return {};
  }
  std::string text = doc.value("error", Json()).is_string() ? doc["error"].get<std::string>() : "";
  if (auto d = doc.find("error_description"); d != doc.end() && d->is_string() && !d->get<std::string>().empty()) {
    text += (text.empty() ? "" : ": ") + d->get<std::string>();
  }
  if (text.size() > 300) {
    text.resize(300);
    text += "...";
  }
  return text;
}

std::string account_setting(const project::Account& account, const char* key) {
  auto it = account.extra.find(key);
  return it != account.extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string post_setting(const project::Post* post, const char* key) {
  if (post == nullptr) {
    return {};
  }
  auto it = post->extra.find(key);
  return it != post->extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string mastodon_base_url(std::string_view server) {
  std::string url(server);
  if (url.find("://") == std::string::npos) {
    url = "https://" + url;
  }
  while (url.ends_with('/')) {
    url.pop_back();
  }
  return url;
}

Error mastodon_error(const http::Response& response, const std::string& host, const std::string& what,
                     const std::string& account) {
  std::string text = server_text(response.body);
  std::string status = http::status_text(response.status);
  std::string detail = status + (text.empty() ? "" : ": " + text);
  int s = response.status;
  if (s == 401 || s == 403) {
    return Error{ErrorKind::auth, host + ": " + what + ": the server refused the credentials (" + detail + ")",
                 "run `smm account login " + account + "`", "", false};
  }
  if (s == 404) {
    return Error{ErrorKind::not_found, host + ": " + what + ": " + detail, "", "", false};
  }
  if (s == 422) {
    return Error{ErrorKind::runtime, host + ": " + what + ": " + (text.empty() ? detail : text), "", "", false};
  }
  if (s == 429) {
    std::string until = rate_limited_until(response);
    return Error{ErrorKind::runtime, host + ": " + what + ": rate limited" + (until.empty() ? " (" + detail + ")" : until),
                 "smm post tries again on its next run", "", true};
  }
  if (s >= 500) {
    // "request failed" tells the publishing machine the outcome is unknown (http::maybe_sent): a
    // gateway may time out after the server created the status. The idempotency key makes the
    // reconciling resend harmless.
    return Error{ErrorKind::runtime, host + ": request failed: " + what + ": " + detail,
                 "the server had a problem; smm post tries again on its next run", "", true};
  }
  return Error{ErrorKind::runtime, host + ": " + what + ": " + detail, "", "", false};
}

http::Request MastodonApi::request(std::string method, const std::string& path, const std::string& token) const {
  http::Request r;
  r.method = std::move(method);
  r.url = base_url + path;
  r.timeout = timeouts;
  if (!token.empty()) {
    r.headers.emplace_back("Authorization", "Bearer " + token);
  }
  return r;
}

Result<http::Response> MastodonApi::send(const http::Request& request, const std::string& what) const {
  return send_checked(transport, request,
                      [&](const http::Response& response) { return mastodon_error(response, host, what, account); });
}

Result<Json> MastodonApi::send_json(const http::Request& request, const std::string& what) const {
  auto response = send(request, what);
  return response ? answer_json(*response, host, what) : std::unexpected(response.error());
}

Result<std::unique_ptr<Client>> MastodonClient::make(const Env& env) {
  const project::Account& a = *env.account;
  std::string where = project::Project::account_path(a.name);
  if (a.server.empty()) {
    return fail(ErrorKind::runtime, "account " + a.name + " has no server",
                "set \"server\", e.g. \"https://mastodon.social\"", where + ": /server");
  }
  Config c;
  c.api = MastodonApi{mastodon_base_url(a.server), creds::server_host(a.server), a.name, env.transport, env.timeouts};
  c.identity = creds::credential_identity(a);
  c.language = account_setting(a, "language");
  if (std::string v = account_setting(a, "visibility"); !v.empty()) {
    if (std::find(k_visibilities.begin(), k_visibilities.end(), v) == k_visibilities.end()) {
      return fail(ErrorKind::runtime, "unknown visibility \"" + v + "\"", "use public, unlisted, private or direct",
                  where + ": /visibility");
    }
    c.visibility = v;
  }
  time::Instant now = env.now ? env.now() : time::Instant{};
  std::filesystem::path root = env.project != nullptr ? env.project->root : std::filesystem::path();
  c.limits = instance_limits(c.api, root, now);
  return std::make_unique<MastodonClient>(std::move(c), env.session, env.now);
}

MastodonClient::MastodonClient(Config config, std::shared_ptr<creds::Session> session,
                               std::function<time::Instant()> now)
    : m_config(std::move(config)), m_session(std::move(session)), m_now(std::move(now)) {
  m_sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!m_now) {
    m_now = [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); };
  }
}

Capabilities MastodonClient::capabilities() const {
  Capabilities c;
  c.threads = true;
  c.first_comment = true;
  c.idempotent = true;
  c.lookup = true;
  c.max_media = m_config.limits.max_media;
  c.alt_text = true;
  c.inbox = true;
  c.metrics = true;
  return c;
}

std::string MastodonClient::new_key(const Part& /*part*/) const {
  return "smm-" + std::to_string(m_now().time_since_epoch().count()) + "-" + random_token(12);
}

Result<std::string> MastodonClient::token() const {
  if (m_config.api.transport == nullptr) {
    return fail(ErrorKind::runtime, "no network available");
  }
  std::optional<creds::Credential> c = m_session ? m_session->get(m_config.identity) : std::nullopt;
  if (!c || c->access_token().empty()) {
    return fail(ErrorKind::auth, "no credentials for " + m_config.identity,
                "run `smm account login " + m_config.api.account + "`");
  }
  return c->access_token();
}

http::Request MastodonClient::status_request(const Part& part, const std::vector<std::string>& media_ids,
                                             const std::string& parent_id) const {
  bool first = part.index == 0 && !part.comment;
  // A form, as Mastodon's documentation writes the parameters ("media_ids[]"); the server takes
  // JSON too, but the published description's oneOf refuses JSON with both text and media.
  std::vector<std::pair<std::string, std::string>> body;
  if (!part.text.empty() || media_ids.empty()) {
    body.emplace_back("status", part.text);
  }
  for (const std::string& id : media_ids) {
    body.emplace_back("media_ids[]", id);
  }
  if (!parent_id.empty()) {
    body.emplace_back("in_reply_to_id", parent_id);
  }
  // A reply to a direct message stays direct; other replies go out as the account posts.
  bool direct = part.answering != nullptr && part.answering->extra.is_object() &&
                part.answering->extra.value("visibility", "") == "direct";
  body.emplace_back("visibility", direct                                          ? std::string("direct")
                                  : first || m_config.visibility != "public" ? m_config.visibility
                                                                              : std::string("unlisted"));
  if (std::string cw = post_setting(part.post, "content_warning"); !cw.empty()) {
    body.emplace_back("spoiler_text", cw);
  }
  std::string language = post_setting(part.post, "language");
  if (std::string lang = language.empty() ? m_config.language : language; !lang.empty()) {
    body.emplace_back("language", lang);
  }
  http::Request r = m_config.api.request("POST", "/api/v1/statuses", "");
  r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  r.headers.emplace_back("Idempotency-Key", part.key);
  r.body = http::form_urlencoded(body);
  return r;
}

Result<void> MastodonClient::check_length(const Part& part) const {
  std::string counted = post_setting(part.post, "content_warning") + part.text;
  std::size_t length = text::mastodon_length(counted);
  if (length <= m_config.limits.max_characters) {
    return {};
  }
  std::string max = std::to_string(m_config.limits.max_characters);
  return fail(ErrorKind::runtime,
              "part " + std::to_string(part.index + 1) + " counts " + std::to_string(length) + " characters (with the " +
                  "content warning); " + m_config.api.host + " allows " + max,
              "shorten it, or set \"limits\": {\"chars\": " + max + "} in " +
                  project::Project::account_path(m_config.api.account) + " so smm splits threads at that length");
}

Result<Remote> MastodonClient::publish(const Part& part) {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  if (auto ok = check_length(part); !ok) {
    return std::unexpected(ok.error());
  }
  std::vector<std::string> media_ids;
  if (!part.media.empty()) {
    auto ids = upload_media(part.media, *tok);
    if (!ids) {
      return std::unexpected(ids.error());
    }
    media_ids = std::move(*ids);
  }
  http::Request r = status_request(part, media_ids, part.parent ? part.parent->id : "");
  r.headers.emplace(r.headers.begin(), "Authorization", "Bearer " + *tok);
  auto status = m_config.api.send_json(r, "posting part " + std::to_string(part.index + 1));
  if (!status) {
    return std::unexpected(status.error());
  }
  Remote remote = mastodon_remote(*status);
  if (remote.id.empty()) {
    return fail(ErrorKind::runtime, m_config.api.host + ": the answer to a new status has no id");
  }
  return remote;
}

std::vector<http::Request> MastodonClient::preview(const Part& part) const {
  std::vector<http::Request> out;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < part.media.size(); ++i) {
    const Media& m = part.media[i];
    std::string bytes = "{" + std::to_string(m.size) + " bytes of " + m.path + "}";
    out.push_back(media_request(m, bytes, "{boundary}"));
    ids.push_back("{media-" + std::to_string(i + 1) + "}");
  }
  std::string parent = part.parent         ? part.parent->id
                       : part.comment      ? "{part-1}"
                       : part.index > 0    ? "{part-" + std::to_string(part.index) + "}"
                                           : "";
  out.push_back(status_request(part, ids, parent));
  return out;
}

Result<void> MastodonClient::remove(const Remote& remote) {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  auto sent = m_config.api.send(m_config.api.request("DELETE", "/api/v1/statuses/" + http::percent_encode(remote.id), *tok),
                                "deleting " + remote.id);
  return sent ? Result<void>() : std::unexpected(sent.error());
}

Result<Identity> MastodonClient::check() {
  auto tok = token();
  if (!tok) {
    return std::unexpected(tok.error());
  }
  auto me = m_config.api.send_json(m_config.api.request("GET", "/api/v1/accounts/verify_credentials", *tok),
                                   "checking the credentials");
  if (!me) {
    return std::unexpected(me.error());
  }
  Identity id;
  std::string acct = me->value("acct", Json()).is_string() ? (*me)["acct"].get<std::string>() : "";
  id.handle = "@" + acct + (acct.find('@') == std::string::npos ? "@" + m_config.api.host : "");
  id.id = me->value("id", Json()).is_string() ? (*me)["id"].get<std::string>() : "";
  id.url = me->value("url", Json()).is_string() ? (*me)["url"].get<std::string>() : "";
  m_account_id = id.id;
  if (auto c = m_session->get(m_config.identity)) {
    id.scopes = c->scopes;
  }
  return id;
}

}  // namespace smm::platform
