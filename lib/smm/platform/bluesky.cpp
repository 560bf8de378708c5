// SPDX-License-Identifier: MIT
#include "smm/platform/bluesky.hpp"

#include <ctime>

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/http/form.hpp"
#include "smm/project/files.hpp"
#include "smm/project/project.hpp"
#include "smm/text/count.hpp"

namespace smm::platform {
namespace {

constexpr const char* k_post = "app.bsky.feed.post";
constexpr std::chrono::milliseconds k_upload_timeout{300'000};

/// A Transport that forwards to one it does not own (env.transport), so AuthTransport can wrap it.
class Borrowed final : public http::Transport {
 public:
  explicit Borrowed(http::Transport* inner) : m_inner(inner) {}
  Result<http::Response> send(const http::Request& request) override { return m_inner->send(request); }
  std::vector<Result<http::Response>> send_all(const std::vector<http::Request>& requests,
                                               std::size_t parallel) override {
    return m_inner->send_all(requests, parallel);
  }

 private:
  http::Transport* m_inner;
};

std::string string_field(const Json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string setting(const Json& extra, const char* key) { return string_field(extra, key); }

Json body_of(const http::Response& response) {
  Json doc = Json::parse(response.body, nullptr, false);
  return doc.is_object() ? doc : Json::object();
}

bool is_expired(const http::Response& response) {
  return (response.status == 400 || response.status == 401) && bluesky_error_name(response) == "ExpiredToken";
}

/// "2026-11-23T09:00:00.000Z"
std::string created_at(time::Instant t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  std::array<char, 32> buf{};
  std::size_t n = std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return std::string(buf.data(), n);
}

/// The record key (last segment) of an at:// URI.
std::string rkey_of(const std::string& uri) {
  std::size_t slash = uri.rfind('/');
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

Result<Json> strong_ref(const Remote& remote, const char* what) {
  std::string uri = string_field(remote.extra, "uri");
  if (uri.empty() && remote.id.starts_with("at://")) {
    uri = remote.id;
  }
  std::string cid = string_field(remote.extra, "cid");
  if (uri.empty() || cid.empty()) {
    return fail(ErrorKind::runtime, std::string("the ") + what + " of this reply has no Bluesky uri and cid",
                "it was not published by smm's Bluesky client; publish the thread again");
  }
  return Json{{"uri", uri}, {"cid", cid}};
}

}  // namespace

std::string bluesky_error_name(const http::Response& response) { return string_field(body_of(response), "error"); }

Error bluesky_error(const http::Response& response, const std::string& host, const std::string& what,
                    const std::string& account) {
  Json doc = body_of(response);
  std::string name = string_field(doc, "error");
  std::string message = string_field(doc, "message");
  if (message.size() > 300) {
    message.resize(300);
    message += "...";
  }
  std::string text = name + (name.empty() || message.empty() ? "" : ": ") + message;
  std::string detail = http::status_text(response.status) + (text.empty() ? "" : ": " + text);
  int s = response.status;
  if (s == 401 || s == 403 || name == "AuthenticationRequired" || name == "InvalidToken" || name == "ExpiredToken" ||
      name == "AccountTakedown") {
    return Error{ErrorKind::auth, host + ": " + what + ": the server refused the credentials (" + detail + ")",
                 "run `smm account login " + account + "`", "", false};
  }
  if (s == 404) {
    return Error{ErrorKind::not_found, host + ": " + what + ": " + detail, "", "", false};
  }
  if (s == 429) {
    std::string until = rate_limited_until(response);
    return Error{ErrorKind::runtime, host + ": " + what + ": rate limited" + (until.empty() ? " (" + detail + ")" : until),
                 "smm post tries again on its next run", "", true};
  }
  if (s >= 500) {
    return Error{ErrorKind::runtime, host + ": request failed: " + what + ": " + detail,
                 "the server had a problem; smm post tries again on its next run", "", true};
  }
  return Error{ErrorKind::runtime, host + ": " + what + ": " + detail, "", "", false};
}

http::Request BlueskyApi::request(std::string method, const std::string& nsid, const std::string& query) const {
  http::Request r;
  r.method = std::move(method);
  r.url = base_url + "/xrpc/" + nsid + (query.empty() ? "" : "?" + query);
  r.timeout = timeouts;
  if (!proxy.empty() && nsid.starts_with("app.bsky.")) {
    r.headers.emplace_back("atproto-proxy", proxy);
  }
  return r;
}

http::Request BlueskyApi::json_request(const std::string& nsid, const Json& body) const {
  http::Request r = request("POST", nsid);
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Result<http::Response> BlueskyApi::send(const http::Request& request, const std::string& what) const {
  return send_checked(transport, request,
                      [&](const http::Response& response) { return bluesky_error(response, host, what, account); });
}

Result<Json> BlueskyApi::send_json(const http::Request& request, const std::string& what) const {
  auto response = send(request, what);
  auto doc = response ? answer_json(*response, host, what) : std::unexpected(response.error());
  if (doc && !doc->is_object()) {  // every XRPC answer is an object
    return fail(ErrorKind::runtime, host + ": " + what + ": the answer is not a JSON object");
  }
  return doc;
}

Result<std::unique_ptr<Client>> BlueskyClient::make(const Env& env) {
  const project::Account& a = *env.account;
  Config c;
  c.base_url = bluesky_base_url(a.server);
  c.account = a.name;
  c.identity = creds::credential_identity(a);
  c.handle = a.handle.starts_with('@') ? a.handle.substr(1) : a.handle;
  c.language = setting(a.extra, "language");
  c.proxy = setting(a.extra, "proxy");
  return std::make_unique<BlueskyClient>(std::move(c), env);
}

BlueskyClient::BlueskyClient(Config config, const Env& env)
    : m_config(std::move(config)), m_session(env.session), m_now(env.now), m_timeouts(env.timeouts),
      m_raw(env.transport) {
  if (!m_now) {
    m_now = [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); };
  }
  if (m_raw != nullptr) {
    http::TokenSource tokens;
    tokens.header_value = [this]() -> Result<std::string> {
      auto c = credential();
      if (!c || c->access_token().empty()) {
        return fail(ErrorKind::auth, "no credentials for " + m_config.identity,
                    "run `smm account login " + m_config.account + "`");
      }
      m_signed_with = c->access_token();
      return "Bearer " + c->access_token();
    };
    tokens.refresh = [this] { return refresh(); };
    m_signed = std::make_unique<http::AuthTransport>(std::make_unique<Borrowed>(m_raw), std::move(tokens), is_expired);
  }
}

std::optional<creds::Credential> BlueskyClient::credential() const {
  return m_session ? m_session->get(m_config.identity) : std::nullopt;
}

BlueskyApi BlueskyClient::api() const {
  auto c = credential();
  std::string base = c && !c->server.empty() ? bluesky_base_url(c->server) : m_config.base_url;
  return BlueskyApi{base, creds::server_host(base), m_config.account, m_signed.get(), m_timeouts, m_config.proxy};
}

std::string BlueskyClient::repo() const {
  auto c = credential();
  std::string did = c ? c->extra_string("did") : "";
  return did.empty() ? "{did}" : did;
}

std::string BlueskyClient::handle() const {
  auto c = credential();
  return c && !c->handle.empty() ? c->handle : m_config.handle;
}

Result<void> BlueskyClient::ready() const {
  if (m_raw == nullptr) {
    return fail(ErrorKind::runtime, "no network available");
  }
  auto c = credential();
  if (!c || c->access_token().empty() || c->extra_string("did").empty()) {
    return fail(ErrorKind::auth, "no credentials for " + m_config.identity,
                "run `smm account login " + m_config.account + "`");
  }
  return {};
}

Result<bool> BlueskyClient::refresh() {
  auto current = credential();
  if (m_raw == nullptr || !current || !current->has_refresh_token()) {
    return false;
  }
  BlueskyApi a = api();
  // Through the session, so that of several workers (or processes) whose requests were refused
  // only the first spends the single-use refresh token; the others pick up its new tokens.
  auto rotated = m_session->rotate(m_config.identity, m_signed_with, [&](creds::Credential c) -> Result<creds::Credential> {
    http::Request r = a.request("POST", "com.atproto.server.refreshSession");
    r.headers.emplace_back("Authorization", "Bearer " + c.refresh_token());
    auto response = m_raw->send(r);
    if (!response) {
      return std::unexpected(response.error());
    }
    if (response->status >= 300) {
      Error e = bluesky_error(*response, a.host, "refreshing the session", m_config.account);
      if (response->status == 400 || response->status == 401) {
        e.kind = ErrorKind::auth;
        e.message = a.host + ": the session expired and could not be refreshed (" + http::status_text(response->status) +
                    (bluesky_error_name(*response).empty() ? "" : ": " + bluesky_error_name(*response)) + ")";
        e.hint = "run `smm account login " + m_config.account + "`";
      }
      return std::unexpected(e);
    }
    Json doc = body_of(*response);
    std::string access = string_field(doc, "accessJwt");
    std::string refresh_jwt = string_field(doc, "refreshJwt");
    if (access.empty() || refresh_jwt.empty()) {
      return fail(ErrorKind::runtime, a.host + ": the refreshed session has no tokens");
    }
    c.set_access_token(access);
    c.set_refresh_token(refresh_jwt);
    c.expires_at = bluesky_jwt_expiry(access);
    c.refresh_expires_at = bluesky_jwt_expiry(refresh_jwt);
    if (std::string h = string_field(doc, "handle"); !h.empty()) {
      c.handle = h;
    }
    return c;
  });
  if (!rotated) {
    return std::unexpected(rotated.error());
  }
  return true;
}

Capabilities BlueskyClient::capabilities() const {
  Capabilities c;
  c.threads = true;
  c.first_comment = true;
  c.idempotent = true;
  c.lookup = true;
  c.max_media = 4;
  c.alt_text = true;
  c.inbox = true;
  c.metrics = true;
  return c;
}

std::string BlueskyClient::new_key(const Part& /*part*/) const { return bluesky_new_tid(); }

Remote BlueskyClient::remote_of(const std::string& uri, const std::string& cid) const {
  Remote r;
  r.id = uri;
  std::string who = handle();
  if (who.empty()) {
    who = repo();
  }
  r.url = "https://bsky.app/profile/" + who + "/post/" + rkey_of(uri);
  r.extra = Json{{"uri", uri}, {"cid", cid}};
  return r;
}

Result<void> BlueskyClient::check_length(const Part& part) const {
  std::size_t graphemes = text::grapheme_count(part.text);
  if (graphemes <= k_bluesky_max_graphemes && part.text.size() <= k_bluesky_max_bytes) {
    return {};
  }
  return fail(ErrorKind::runtime,
              "part " + std::to_string(part.index + 1) + " counts " + std::to_string(graphemes) + " graphemes (" +
                  std::to_string(part.text.size()) + " bytes); Bluesky allows 300 (and 3000 bytes)",
              "shorten it, or let smm split it into a thread");
}

Result<Json> BlueskyClient::facets(const std::string& text) {
  Json out = Json::array();
  BlueskyApi a = api();
  for (const auto& span : bluesky_spans(text)) {
    Json feature;
    if (span.kind == BlueskySpan::Kind::link) {
      feature = Json{{"$type", "app.bsky.richtext.facet#link"}, {"uri", span.value}};
    } else if (span.kind == BlueskySpan::Kind::tag) {
      feature = Json{{"$type", "app.bsky.richtext.facet#tag"}, {"tag", span.value}};
    } else {
      auto resolved = a.send_json(a.request("GET", "com.atproto.identity.resolveHandle",
                                            "handle=" + http::percent_encode(span.value)),
                                  "resolving @" + span.value);
      if (!resolved) {
        if (resolved.error().retryable || resolved.error().kind == ErrorKind::auth) {
          return std::unexpected(resolved.error());
        }
        continue;  // not a handle: plain text
      }
      std::string did = string_field(*resolved, "did");
      if (did.empty()) {
        continue;
      }
      feature = Json{{"$type", "app.bsky.richtext.facet#mention"}, {"did", did}};
    }
    out.push_back(Json{{"index", Json{{"byteStart", span.start}, {"byteEnd", span.end}}},
                       {"features", Json::array({feature})}});
  }
  return out;
}

http::Request BlueskyClient::blob_request(const Media& media, std::string bytes) const {
  http::Request r = api().request("POST", "com.atproto.repo.uploadBlob");
  r.headers.emplace_back("Content-Type", media.mime.empty() ? "application/octet-stream" : media.mime);
  r.body = std::move(bytes);
  r.timeout.total = std::max(r.timeout.total, k_upload_timeout);
  r.idempotent = true;  // the same bytes give the same blob
  return r;
}

Result<Json> BlueskyClient::upload(const Media& media) {
  if (!media.mime.starts_with("image/")) {
    return fail(ErrorKind::runtime, media.path + ": smm posts only images to Bluesky (this is " +
                                        (media.mime.empty() ? std::string("an unknown type") : media.mime) + ")");
  }
  if (media.size > k_bluesky_max_image) {
    return fail(ErrorKind::runtime,
                media.path + ": " + std::to_string(media.size) + " bytes; Bluesky takes images up to 2,000,000 bytes",
                "compress it to at most 1,000,000 bytes for older servers");
  }
  auto bytes = project::read_file(media.file);
  if (!bytes) {
    return std::unexpected(bytes.error());
  }
  auto doc = api().send_json(blob_request(media, std::move(*bytes)), "uploading " + media.path);
  if (!doc) {
    return std::unexpected(doc.error());
  }
  auto blob = doc->find("blob");
  if (blob == doc->end() || !blob->is_object()) {
    return fail(ErrorKind::runtime, api().host + ": the answer to uploading " + media.path + " has no blob");
  }
  return *blob;
}

Json BlueskyClient::record(const Part& part, const Json& facets, const Json& images, std::string_view when) const {
  Json rec = Json::object();
  rec["$type"] = k_post;
  rec["text"] = part.text;
  rec["createdAt"] = std::string(when);
  std::string language;
  if (part.post != nullptr) {
    language = setting(part.post->extra, "language");
  }
  if (language.empty()) {
    language = m_config.language;
  }
  if (!language.empty()) {
    rec["langs"] = Json::array({language});
  }
  if (!facets.empty()) {
    rec["facets"] = facets;
  }
  if (!images.empty()) {
    rec["embed"] = Json{{"$type", "app.bsky.embed.images"}, {"images", images}};
  }
  return rec;
}

http::Request BlueskyClient::create_request(const Part& part, const Json& record) const {
  Json body = Json::object();
  body["repo"] = repo();
  body["collection"] = k_post;
  body["rkey"] = part.key;
  body["record"] = record;
  http::Request r = api().json_request("com.atproto.repo.createRecord", body);
  r.idempotent = true;  // a resend with the same rkey cannot create a second record
  return r;
}

namespace {

Json image_entry(const Media& m, Json blob) {
  Json image = Json::object();
  image["image"] = std::move(blob);
  image["alt"] = m.alt;
  if (m.width > 0 && m.height > 0) {
    image["aspectRatio"] = Json{{"width", m.width}, {"height", m.height}};
  }
  return image;
}

Result<Json> reply_of(const Part& part) {
  if (!part.parent) {
    return Json();
  }
  auto parent = strong_ref(*part.parent, "parent");
  if (!parent) {
    return std::unexpected(parent.error());
  }
  auto root = part.root ? strong_ref(*part.root, "root") : parent;
  if (!root) {
    return std::unexpected(root.error());
  }
  return Json{{"root", *root}, {"parent", *parent}};
}

}  // namespace

Result<Remote> BlueskyClient::publish(const Part& part) {
  if (part.answering != nullptr && part.answering->kind == inbox::Kind::dm) {
    return fail(ErrorKind::usage, "smm cannot answer Bluesky chat messages yet",
                "answer in a Bluesky app, then `smm inbox done " + part.answering->id + "`");
  }
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  if (part.media.size() > 4) {
    return fail(ErrorKind::runtime, "Bluesky takes at most 4 images per post; this part has " +
                                        std::to_string(part.media.size()));
  }
  if (auto ok = check_length(part); !ok) {
    return std::unexpected(ok.error());
  }
  auto reply = reply_of(part);
  if (!reply) {
    return std::unexpected(reply.error());
  }
  auto spans = facets(part.text);
  if (!spans) {
    return std::unexpected(spans.error());
  }
  Json images = Json::array();
  for (const auto& m : part.media) {
    auto blob = upload(m);
    if (!blob) {
      return std::unexpected(blob.error());
    }
    images.push_back(image_entry(m, std::move(*blob)));
  }
  Json rec = record(part, *spans, images, created_at(m_now()));
  if (!reply->is_null()) {
    rec["reply"] = *reply;
  }
  BlueskyApi a = api();
  std::string what = part.comment ? "posting the first comment" : "posting part " + std::to_string(part.index + 1);
  auto response = a.transport->send(create_request(part, rec));
  if (!response) {
    return std::unexpected(response.error());
  }
  if (response->status >= 300) {
    Error e = bluesky_error(*response, a.host, what, m_config.account);
    // A record already at this key (an earlier send landed) is refused, with a 500 by the
    // reference PDS ("There is already a value at key"): look the key up before failing.
    if (e.kind != ErrorKind::auth && (response->status == 400 || response->status == 409 || response->status >= 500)) {
      auto found = find(part);
      if (found && *found) {
        return **found;
      }
    }
    return std::unexpected(e);
  }
  Json doc = body_of(*response);
  std::string uri = string_field(doc, "uri");
  std::string cid = string_field(doc, "cid");
  if (uri.empty() || cid.empty()) {
    return fail(ErrorKind::runtime, a.host + ": the answer to a new post has no uri or cid");
  }
  return remote_of(uri, cid);
}

Result<std::optional<Remote>> BlueskyClient::find(const Part& part) {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  BlueskyApi a = api();
  std::string query = "repo=" + http::percent_encode(repo()) + "&collection=" + k_post +
                      "&rkey=" + http::percent_encode(part.key);
  auto response = a.transport->send(a.request("GET", "com.atproto.repo.getRecord", query));
  if (!response) {
    return std::unexpected(response.error());
  }
  if ((response->status == 400 || response->status == 404) && bluesky_error_name(*response) == "RecordNotFound") {
    return std::optional<Remote>();
  }
  if (response->status >= 300) {
    return std::unexpected(bluesky_error(*response, a.host, "looking up " + part.key, m_config.account));
  }
  Json doc = body_of(*response);
  std::string uri = string_field(doc, "uri");
  std::string cid = string_field(doc, "cid");
  if (uri.empty() || cid.empty()) {
    return fail(ErrorKind::runtime, a.host + ": the record " + part.key + " came back without uri or cid");
  }
  return std::optional<Remote>(remote_of(uri, cid));
}

std::vector<http::Request> BlueskyClient::preview(const Part& part) const {
  std::vector<http::Request> out;
  Json images = Json::array();
  for (std::size_t i = 0; i < part.media.size(); ++i) {
    const Media& m = part.media[i];
    out.push_back(blob_request(m, "{" + std::to_string(m.size) + " bytes of " + m.path + "}"));
    images.push_back(image_entry(m, Json{{"$type", "blob"}, {"ref", Json{{"$link", "{blob-" + std::to_string(i + 1) + "}"}}},
                                         {"mimeType", m.mime}, {"size", m.size}}));
  }
  Json facets = Json::array();
  for (const auto& span : bluesky_spans(part.text)) {
    Json feature = span.kind == BlueskySpan::Kind::link ? Json{{"$type", "app.bsky.richtext.facet#link"}, {"uri", span.value}}
                   : span.kind == BlueskySpan::Kind::tag
                       ? Json{{"$type", "app.bsky.richtext.facet#tag"}, {"tag", span.value}}
                       : Json{{"$type", "app.bsky.richtext.facet#mention"}, {"did", "{did of " + span.value + "}"}};
    facets.push_back(Json{{"index", Json{{"byteStart", span.start}, {"byteEnd", span.end}}},
                          {"features", Json::array({feature})}});
  }
  Json rec = record(part, facets, images, created_at(m_now()));
  auto ref = [](const std::optional<Remote>& r, const std::string& placeholder) {
    if (r) {
      auto known = strong_ref(*r, "part");
      if (known) {
        return *known;
      }
    }
    return Json{{"uri", "{" + placeholder + " uri}"}, {"cid", "{" + placeholder + " cid}"}};
  };
  if (part.parent || part.comment || part.index > 0) {
    std::string parent = part.comment ? "part-1" : "part-" + std::to_string(part.index);
    rec["reply"] = Json{{"root", ref(part.root, "part-1")}, {"parent", ref(part.parent, parent)}};
  }
  out.push_back(create_request(part, rec));
  return out;
}

Result<void> BlueskyClient::remove(const Remote& remote) {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  std::string uri = string_field(remote.extra, "uri");
  if (uri.empty()) {
    uri = remote.id;
  }
  Json body{{"repo", repo()}, {"collection", k_post}, {"rkey", rkey_of(uri)}};
  BlueskyApi a = api();
  auto sent = a.send(a.json_request("com.atproto.repo.deleteRecord", body), "deleting " + rkey_of(uri));
  return sent ? Result<void>() : std::unexpected(sent.error());
}

Result<Identity> BlueskyClient::check() {
  if (auto ok = ready(); !ok) {
    return std::unexpected(ok.error());
  }
  BlueskyApi a = api();
  auto me = a.send_json(a.request("GET", "com.atproto.server.getSession"), "checking the session");
  if (!me) {
    return std::unexpected(me.error());
  }
  Identity id;
  id.handle = "@" + string_field(*me, "handle");
  id.id = string_field(*me, "did");
  id.url = "https://bsky.app/profile/" + string_field(*me, "handle");
  if (auto c = credential()) {
    id.expires_at = bluesky_jwt_expiry(c->access_token());
    if (std::string scope = string_field(bluesky_jwt_claims(c->access_token()), "scope"); !scope.empty()) {
      id.scopes = {scope};  // com.atproto.appPass, or com.atproto.appPassPrivileged (DMs)
    }
  }
  return id;
}

}  // namespace smm::platform
