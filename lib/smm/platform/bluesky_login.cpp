// SPDX-License-Identifier: MIT
// Bluesky login (reference §2.2): an app password is exchanged for a session with
// com.atproto.server.createSession at the account's server (a PDS or an entryway such as
// bsky.social); the account's PDS is then read from its DID document (did:plc from the PLC
// directory, did:web from https://<host>/.well-known/did.json; the session's own didDoc and the
// login server are the fallbacks), the session is checked there with getSession, and the tokens,
// DID, handle and PDS are stored. The password is never stored, shown or put in a message.
#include <algorithm>
#include <cctype>

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/http/form.hpp"
#include "smm/platform/bluesky.hpp"
#include "smm/platform/login.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

std::string string_field(const Json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// The DID document's PDS, "" when the document cannot be had.
std::string resolve_pds(const BlueskyApi& api, const project::Account& account, const std::string& did) {
  http::Request r;
  r.timeout = api.timeouts;
  if (did.starts_with("did:plc:")) {
    std::string plc = string_field(account.extra, "plc");
    r.url = bluesky_base_url(plc.empty() ? "https://plc.directory" : plc) + "/" + did;
  } else if (did.starts_with("did:web:")) {
    std::string host = did.substr(8);
    if (host.find(':') != std::string::npos || host.empty()) {
      return {};  // did:web with a path, or a port (%3A): not for an account
    }
    r.url = "https://" + host + "/.well-known/did.json";
  } else {
    return {};
  }
  auto response = api.transport->send(r);
  if (!response || response->status != 200) {
    return {};
  }
  Json doc = Json::parse(response->body, nullptr, false);
  return doc.is_object() ? bluesky_pds_of(doc) : std::string();
}

}  // namespace

Result<Identity> bluesky_login(const Env& env, const LoginOptions& options, const LoginIo& io) {
  const project::Account& a = *env.account;
  if (options.token_from_input) {
    return fail(ErrorKind::usage, "Bluesky logs in with an app password, not a token",
                "pipe the app password in: `smm account login " + a.name + " < password-file`");
  }
  if (env.transport == nullptr || !env.session) {
    return fail(ErrorKind::runtime, "no network available");
  }
  const auto& read_line = io.read_line;  // the app password comes from here, never from a flag
  std::string base = bluesky_base_url(a.server);
  BlueskyApi api{base, creds::server_host(base), a.name, env.transport, env.timeouts, string_field(a.extra, "proxy")};
  std::string handle = a.handle.starts_with('@') ? a.handle.substr(1) : a.handle;
  if (handle.empty()) {
    auto line = read_line("Handle: ");
    if (!line || line->empty()) {
      return fail(ErrorKind::usage, "no handle was given",
                  "set \"handle\" in " + project::Project::account_path(a.name) +
                      ", or pipe the handle and the app password in on two lines");
    }
    handle = line->starts_with('@') ? line->substr(1) : *line;
  }
  auto password = read_line("App password for " + handle + ": ");
  if (!password || password->empty()) {
    return fail(ErrorKind::usage, "no app password was given",
                "create one in Bluesky's settings (Privacy and security > App passwords) and pipe it in: "
                "`smm account login " + a.name + " < password-file`");
  }
  auto session = api.send_json(api.json_request("com.atproto.server.createSession",
                                                Json{{"identifier", handle}, {"password", *password}}),
                               "logging in as " + handle);
  if (!session) {
    Error e = session.error();
    if (e.kind == ErrorKind::auth || (!e.retryable && e.message.find("AuthFactorTokenRequired") != std::string::npos)) {
      e.kind = ErrorKind::auth;
      e.hint = "check the handle and use an app password (Settings > Privacy and security > App passwords), then "
               "run `smm account login " + a.name + "` again";
    }
    return std::unexpected(e);
  }
  std::string did = string_field(*session, "did");
  std::string access = string_field(*session, "accessJwt");
  std::string refresh = string_field(*session, "refreshJwt");
  std::string got = string_field(*session, "handle");
  if (did.empty() || access.empty() || refresh.empty()) {
    return fail(ErrorKind::runtime, api.host + ": the session answer has no did or tokens");
  }
  if (!a.handle.empty() && !got.empty() && lower(got) != lower(handle) && lower(did) != lower(handle)) {
    return fail(ErrorKind::auth, "the session belongs to @" + got + ", not to " + a.handle,
                "log in as " + a.handle + ", or change \"handle\" in " + project::Project::account_path(a.name));
  }
  std::string pds = resolve_pds(api, a, did);
  if (pds.empty() && session->contains("didDoc") && (*session)["didDoc"].is_object()) {
    pds = bluesky_pds_of((*session)["didDoc"]);
  }
  if (pds.empty()) {
    pds = base;
  }
  pds = bluesky_base_url(pds);

  BlueskyApi at_pds{pds, creds::server_host(pds), a.name, env.transport, env.timeouts, api.proxy};
  http::Request get = at_pds.request("GET", "com.atproto.server.getSession");
  get.headers.emplace_back("Authorization", "Bearer " + access);
  auto me = at_pds.send_json(get, "checking the new session");
  if (!me) {
    return std::unexpected(me.error());
  }

  std::string identity = creds::credential_identity(a);
  creds::Credential c = env.session->get(identity).value_or(creds::Credential{});
  c.platform = "bluesky";
  c.server = pds;
  c.handle = got.empty() ? handle : got;
  c.set_access_token(access);
  c.set_refresh_token(refresh);
  c.expires_at = bluesky_jwt_expiry(access);
  c.refresh_expires_at = bluesky_jwt_expiry(refresh);
  c.scopes.clear();
  c.extra()["did"] = did;
  if (auto ok = env.session->update(identity, std::move(c)); !ok) {
    return std::unexpected(ok.error());
  }
  Identity id;
  id.handle = "@" + (got.empty() ? handle : got);
  id.id = did;
  id.url = "https://bsky.app/profile/" + (got.empty() ? handle : got);
  id.expires_at = bluesky_jwt_expiry(access);
  return id;
}

}  // namespace smm::platform
