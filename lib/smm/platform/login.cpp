// SPDX-License-Identifier: MIT
#include "smm/platform/login.hpp"

#include "smm/creds/session.hpp"
#include "smm/creds/store.hpp"
#include "smm/platform/bluesky.hpp"
#include "smm/project/project.hpp"

namespace smm::platform {
namespace {

bool has_secret(const creds::Credential& c) {
  return !c.access_token().empty() || c.has_refresh_token() || !c.extra_string("url").empty();
}

}  // namespace

Result<Identity> login(const Env& env, const LoginOptions& options, const LoginIo& io) {
  const std::string& platform = env.account->platform;
  if (platform == "bluesky") {
    return bluesky_login(env, options, io);
  }
  if (!creds::needs_credentials(platform)) {
    return fail(ErrorKind::usage, platform + " accounts need no login");
  }
  if (platform == "webhook") {
    return webhook_login(env, io);
  }
  if (platform != "mastodon") {
    return fail(ErrorKind::runtime, "smm cannot log in to " + platform + " yet",
                "platforms smm logs in to: bluesky, mastodon, webhook");
  }
  if (env.transport == nullptr || !env.session) {
    return fail(ErrorKind::runtime, "no network available");
  }
  if (env.account->server.empty()) {
    return fail(ErrorKind::runtime, "account " + env.account->name + " has no server",
                "set \"server\", e.g. \"https://mastodon.social\"", project::Project::account_path(env.account->name));
  }
  if (!options.token_from_input) {
    return mastodon_login(env, io);
  }
  std::optional<std::string> token = io.read_line("Access token: ");
  if (!token || token->empty()) {
    return fail(ErrorKind::usage, "no access token on stdin",
                "pipe it in: `smm account login " + env.account->name + " --token - < token-file`");
  }
  return mastodon_login_token(env, *token);
}

CheckResult check_account(const Env& env) {
  const project::Account& a = *env.account;
  CheckResult r{a.name, a.platform, {}, "ok", ""};
  if (creds::needs_credentials(a.platform)) {
    std::string identity = creds::credential_identity(a);
    std::optional<creds::Credential> c = env.session ? env.session->get(identity) : std::nullopt;
    if (!c || !has_secret(*c)) {
      r.status = "missing";
      r.message = "no credentials for " + identity + "; run `smm account login " + a.name + "`";
      return r;
    }
  }
  auto client = make_client(env);
  if (!client) {
    r.status = can_publish(a.platform) ? "error" : "unsupported";
    r.message = client.error().message;
    return r;
  }
  auto id = (*client)->check();
  if (!id) {
    r.status = id.error().kind == ErrorKind::auth ? "rejected" : "error";
    r.message = id.error().message;
    return r;
  }
  r.identity = *id;
  return r;
}

}  // namespace smm::platform
