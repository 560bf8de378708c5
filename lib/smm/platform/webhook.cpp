// SPDX-License-Identifier: MIT
#include "smm/platform/webhook.hpp"

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/platform/login.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    out += (out.empty() ? "" : " ") + i;
  }
  return out;
}

std::string fill(std::string s, const Part& part) {
  const std::pair<const char*, std::string> values[] = {
      {"{text}", part.text},
      {"{post_id}", part.post->id},
      {"{account}", part.account},
      {"{at}", time::format_rfc3339(part.at, time::utc())},
      {"{tags}", join(part.post->tags)},
      {"{campaign}", part.post->campaign},
      {"{key}", part.key},
  };
  for (const auto& [name, value] : values) {
    std::string_view n = name;
    for (auto at = s.find(n); at != std::string::npos; at = s.find(n, at + value.size())) {
      s.replace(at, n.size(), value);
    }
  }
  return s;
}

/// The scheme and host only: the path of a webhook URL is its secret.
std::string masked(const std::string& url) {
  auto scheme = url.find("://");
  auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return url.substr(0, path) + "/[secret]";
}

Error status_error(const std::string& account, const http::Response& r) {
  std::string what = "webhook " + account + ": " + http::status_text(r.status);
  if (r.status == 401 || r.status == 403 || r.status == 404) {
    return Error{ErrorKind::auth, what, "the webhook URL is wrong or was revoked: smm account login " + account, "", false};
  }
  bool retryable = r.status == 429 || r.status >= 500;
  if (r.status == 429) {
    what += ": rate limited" + rate_limited_until(r);
  }
  return Error{ErrorKind::runtime, what, retryable ? "smm post tries again on its next run" : "", "", retryable};
}

}  // namespace

Json webhook_body(const Json& templ, const Part& part) {
  if (templ.is_string()) {
    return fill(templ.get<std::string>(), part);
  }
  Json out = templ;
  if (templ.is_object() || templ.is_array()) {
    for (auto it = out.begin(); it != out.end(); ++it) {
      *it = webhook_body(*it, part);
    }
  }
  return out;
}

WebhookClient::WebhookClient(const Env& env, Json templ) : m_env(env), m_template(std::move(templ)) {}

Result<std::unique_ptr<Client>> WebhookClient::make(const Env& env) {
  Json templ = Json{{"text", "{text}"}};
  if (auto it = env.account->extra.find("template"); it != env.account->extra.end()) {
    if (!it->is_object()) {
      return fail(ErrorKind::runtime, "the webhook template must be a JSON object",
                  "e.g. \"template\": {\"content\": \"{text}\"}",
                  project::Project::account_path(env.account->name) + ": /template");
    }
    templ = *it;
  }
  return std::make_unique<WebhookClient>(env, std::move(templ));
}

Capabilities WebhookClient::capabilities() const { return Capabilities{}; }

Result<std::string> WebhookClient::url() const {
  std::string identity = creds::credential_identity(*m_env.account);
  auto cred = m_env.session ? m_env.session->get(identity) : std::nullopt;
  std::string url = cred ? cred->extra_string("url") : "";
  if (url.empty()) {
    return fail(ErrorKind::auth, "no webhook URL stored for " + m_env.account->name,
                "store it with: smm account login " + m_env.account->name);
  }
  return url;
}

http::Request WebhookClient::request(const Part& part, std::string url) const {
  http::Request r;
  r.method = "POST";
  r.url = std::move(url);
  r.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", part.key}};
  r.body = webhook_body(m_template, part).dump();
  r.timeout = m_env.timeouts;
  // The key is a courtesy for receivers that dedupe; most do not, so a request that may have
  // arrived is never resent on a guess (the retry layer would, for a keyed request).
  r.idempotent = false;
  r.secret_url = true;  // the path is the credential: --debug shows scheme and host only
  return r;
}

Result<Remote> WebhookClient::publish(const Part& part) {
  auto u = url();
  if (!u) {
    return std::unexpected(u.error());
  }
  auto sent = m_env.transport->send(request(part, *u));
  if (!sent) {
    Error e = sent.error();
    e.message = "webhook " + m_env.account->name + ": " + std::string(http::failure_reason(e));
    return std::unexpected(e);
  }
  if (sent->status < 200 || sent->status >= 300) {
    return std::unexpected(status_error(m_env.account->name, *sent));
  }
  Remote remote{part.key, "", Json::object()};
  auto body = Json::parse(sent->body, nullptr, false);
  if (body.is_object() && body.contains("id") && (body["id"].is_string() || body["id"].is_number())) {
    remote.id = body["id"].is_string() ? body["id"].get<std::string>() : body["id"].dump();
  }
  return remote;
}

Result<std::optional<Remote>> WebhookClient::find(const Part& /*part*/) {
  return fail(ErrorKind::runtime, "a webhook cannot be asked what it received");
}

std::vector<http::Request> WebhookClient::preview(const Part& part) const {
  auto u = url();
  return {request(part, masked(u ? *u : "https://webhook.invalid/"))};
}

Result<void> WebhookClient::remove(const Remote& /*remote*/) {
  return fail(ErrorKind::runtime, "a webhook delivery cannot be taken back");
}

Result<Identity> webhook_login(const Env& env, const LoginIo& io) {
  const std::string& name = env.account->name;
  std::optional<std::string> url = io.read_line("Webhook URL: ");
  if (!url || url->empty()) {
    return fail(ErrorKind::usage, "no webhook URL on stdin", "pipe it in: `smm account login " + name + " < url-file`");
  }
  std::string_view u = *url;
  if (!(u.starts_with("https://") || u.starts_with("http://")) || creds::server_host(u).empty() ||
      u.find_first_of(" \t\"<>") != std::string_view::npos) {
    return fail(ErrorKind::usage, "that is not a webhook URL (expected https://host/path)",
                "copy the whole URL from the service's webhook settings");
  }
  if (!env.session) {
    return fail(ErrorKind::runtime, "no credential store available");
  }
  std::string identity = creds::credential_identity(*env.account);
  creds::Credential c = env.session->get(identity).value_or(creds::Credential{});
  c.platform = "webhook";
  c.extra()["url"] = *url;
  if (auto saved = env.session->update(identity, c); !saved) {
    return std::unexpected(saved.error());
  }
  return Identity{masked(*url), "", masked(*url), {}, std::nullopt};
}

Result<Identity> WebhookClient::check() {
  auto u = url();
  if (!u) {
    return std::unexpected(u.error());
  }
  Identity id;
  id.handle = masked(*u);
  id.url = id.handle;
  return id;
}

}  // namespace smm::platform
