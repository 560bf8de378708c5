// SPDX-License-Identifier: MIT
// Mastodon login (reference §1.2): register "smm" once per instance (POST /api/v1/apps with the
// out-of-band redirect), show the authorize URL, exchange the pasted code at POST /oauth/token,
// check the token with verify_credentials, then store it. The app registration is stored at
// once, so a run that stops at the code prompt can be followed by `echo CODE | smm account login`
// for the same registration. Tokens do not expire; a 401 later means "log in again".
#include <algorithm>
#include <cctype>

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/login.hpp"
#include "smm/platform/mastodon.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

constexpr const char* k_oob = "urn:ietf:wg:oauth:2.0:oob";
constexpr const char* k_scopes = "read write";

struct App {
  std::string client_id;
  std::string client_secret;
};

MastodonApi api_for(const Env& env) {
  const project::Account& a = *env.account;
  return MastodonApi{mastodon_base_url(a.server), creds::server_host(a.server), a.name, env.transport, env.timeouts};
}

std::string string_field(const Json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<App> app_of(const std::optional<creds::Credential>& c) {
  if (!c || c->extra_string("client_id").empty() || c->extra_string("client_secret").empty()) {
    return std::nullopt;
  }
  return App{c->extra_string("client_id"), c->extra_string("client_secret")};
}

/// The registration stored with this account, else with another account on the same server.
std::optional<App> stored_app(const creds::Session& session, const std::string& identity, const std::string& host) {
  if (auto own = app_of(session.get(identity))) {
    return own;
  }
  for (const auto& other : session.identities()) {
    auto c = session.get(other);
    if (c && c->platform == "mastodon" && creds::server_host(c->server) == host) {
      if (auto app = app_of(c)) {
        return app;
      }
    }
  }
  return std::nullopt;
}

Result<App> register_app(const MastodonApi& api) {
  http::Request r = api.request("POST", "/api/v1/apps", "");
  r.headers.emplace_back("Content-Type", "application/json");
  Json body = Json::object();
  body["client_name"] = "smm";
  body["redirect_uris"] = Json::array({k_oob});
  body["scopes"] = k_scopes;
  r.body = body.dump();
  auto doc = api.send_json(r, "registering smm as an application");
  if (!doc) {
    return std::unexpected(doc.error());
  }
  App app{string_field(*doc, "client_id"), string_field(*doc, "client_secret")};
  if (app.client_id.empty() || app.client_secret.empty()) {
    return fail(ErrorKind::runtime, api.host + ": the app registration gave no client_id or client_secret");
  }
  return app;
}

/// The stored credential of this account with `app` added (its token, if any, kept).
creds::Credential with_app(const Env& env, std::optional<creds::Credential> c, const App& app) {
  creds::Credential out = c.value_or(creds::Credential{});
  out.platform = "mastodon";
  out.server = mastodon_base_url(env.account->server);
  if (out.handle.empty()) {
    out.handle = env.account->handle;
  }
  out.extra()["client_id"] = app.client_id;
  out.extra()["client_secret"] = app.client_secret;
  return out;
}

Result<App> app_for(const Env& env, const MastodonApi& api, const std::string& identity) {
  if (auto app = stored_app(*env.session, identity, api.host)) {
    return *app;
  }
  auto app = register_app(api);
  if (!app) {
    return std::unexpected(app.error());
  }
  if (auto ok = env.session->update(identity, with_app(env, env.session->get(identity), *app)); !ok) {
    return std::unexpected(ok.error());
  }
  return app;
}

std::string authorize_url(const MastodonApi& api, const App& app) {
  return api.base_url + "/oauth/authorize?response_type=code&client_id=" + http::percent_encode(app.client_id) +
         "&redirect_uri=" + http::percent_encode(k_oob) + "&scope=" + http::percent_encode(k_scopes) +
         "&force_login=true";
}

Result<Json> exchange(const MastodonApi& api, const App& app, const std::string& code) {
  http::Request r = api.request("POST", "/oauth/token", "");
  r.headers.emplace_back("Content-Type", "application/json");
  Json body = Json::object();
  body["grant_type"] = "authorization_code";
  body["code"] = code;
  body["client_id"] = app.client_id;
  body["client_secret"] = app.client_secret;
  body["redirect_uri"] = k_oob;
  body["scope"] = k_scopes;
  r.body = body.dump();
  auto doc = api.send_json(r, "exchanging the code");
  if (!doc) {
    Error e = doc.error();
    if (!e.retryable) {  // RFC 6749 errors (invalid_grant, invalid_client) are answered with 400/401
      e.kind = ErrorKind::auth;
      e.hint = "codes work once and expire after a few minutes: run `smm account login " + api.account + "` again";
    }
    return std::unexpected(e);
  }
  if (string_field(*doc, "access_token").empty()) {
    return fail(ErrorKind::runtime, api.host + ": the token answer has no access_token");
  }
  return doc;
}

std::string local_part(std::string handle) {
  if (handle.starts_with('@')) {
    handle.erase(0, 1);
  }
  handle = handle.substr(0, handle.find('@'));
  std::transform(handle.begin(), handle.end(), handle.begin(), [](unsigned char c) { return std::tolower(c); });
  return handle;
}

/// Verifies `token`, then stores it with the account's other fields; returns who it belongs to.
Result<Identity> verify_and_store(const Env& env, const MastodonApi& api, const std::string& token,
                                  std::vector<std::string> scopes) {
  auto me = api.send_json(api.request("GET", "/api/v1/accounts/verify_credentials", token), "checking the token");
  if (!me) {
    return std::unexpected(me.error());
  }
  std::string acct = string_field(*me, "acct");
  const project::Account& a = *env.account;
  if (!a.handle.empty() && local_part(a.handle) != local_part(acct)) {
    return fail(ErrorKind::auth, "the token belongs to @" + acct + ", not to " + a.handle,
                "log in as " + a.handle + ", or change \"handle\" in " + project::Project::account_path(a.name));
  }
  std::string identity = creds::credential_identity(a);
  creds::Credential c = env.session->get(identity).value_or(creds::Credential{});
  c.platform = "mastodon";
  c.server = api.base_url;
  c.handle = acct;
  c.set_access_token(token);
  c.scopes = std::move(scopes);
  c.expires_at.reset();
  if (auto ok = env.session->update(identity, std::move(c)); !ok) {
    return std::unexpected(ok.error());
  }
  Identity id;
  id.handle = "@" + acct + (acct.find('@') == std::string::npos ? "@" + api.host : "");
  id.id = string_field(*me, "id");
  id.url = string_field(*me, "url");
  id.scopes = env.session->get(identity)->scopes;
  return id;
}

std::vector<std::string> split_scopes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find_first_of(" +", at);
    end = end == std::string::npos ? text.size() : end;
    if (end > at) {
      out.push_back(text.substr(at, end - at));
    }
    at = end + 1;
  }
  return out;
}

}  // namespace

Result<Identity> mastodon_login(const Env& env, const LoginIo& io) {
  MastodonApi api = api_for(env);
  std::string identity = creds::credential_identity(*env.account);
  auto app = app_for(env, api, identity);
  if (!app) {
    return std::unexpected(app.error());
  }
  io.say("Open this address, log in as " + (env.account->handle.empty() ? "the account" : env.account->handle) +
         ", authorize smm, and paste the code it shows:");
  io.say("  " + authorize_url(api, *app));
  std::optional<std::string> code = io.read_line("Code: ");
  if (!code || code->empty()) {
    return fail(ErrorKind::usage, "no authorization code was given",
                "paste it at the prompt, or pipe it in: `echo CODE | smm account login " + env.account->name + "`");
  }
  auto token = exchange(api, *app, *code);
  if (!token) {
    return std::unexpected(token.error());
  }
  std::string scope = string_field(*token, "scope");
  return verify_and_store(env, api, string_field(*token, "access_token"), split_scopes(scope.empty() ? k_scopes : scope));
}

Result<Identity> mastodon_login_token(const Env& env, const std::string& token) {
  return verify_and_store(env, api_for(env), token, {});
}

}  // namespace smm::platform
