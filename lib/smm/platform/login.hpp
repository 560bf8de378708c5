// SPDX-License-Identifier: MIT
#pragma once

// `smm account login` and `smm account check` without the terminal: the platform's login flow
// (which stores the credentials through the shared creds::Session) and an online check of one
// account's credentials. cmd/account parses flags and renders; everything else is here.

#include <functional>
#include <optional>
#include <string>

#include "smm/platform/client.hpp"

namespace smm::platform {

/// How a login flow talks to the person (cmd: stderr and stdin; tests: strings).
struct LoginIo {
  /// Shows a line on stderr (instructions, the authorize URL).
  std::function<void(const std::string&)> say;
  /// Reads one line: a prompt on a TTY, else a line of stdin; nullopt when nothing can be read.
  std::function<std::optional<std::string>(const std::string& prompt)> read_line;
};

struct LoginOptions {
  /// Read an existing access token from read_line() instead of running the OAuth flow.
  bool token_from_input = false;
};

/// Logs env.account in (needs env.transport and env.session) and returns who the credentials
/// belong to. The credentials are saved only after the server accepted them.
Result<Identity> login(const Env& env, const LoginOptions& options, const LoginIo& io);

/// Mastodon: the out-of-band OAuth flow (register the app once per instance, authorize URL,
/// pasted code, POST /oauth/token), then verify_credentials.
Result<Identity> mastodon_login(const Env& env, const LoginIo& io);
/// Mastodon: stores an existing access token after verify_credentials accepted it.
Result<Identity> mastodon_login_token(const Env& env, const std::string& token);

/// Webhook: reads the URL (the secret) from io, checks it is http(s), and stores it. Nothing is
/// sent: a test message would reach the channel.
Result<Identity> webhook_login(const Env& env, const LoginIo& io);

/// One row of `smm account check`.
struct CheckResult {
  std::string account;
  std::string platform;
  Identity identity;
  /// ok, missing (nothing stored), rejected (the server refused it), unsupported (smm has no
  /// client for the platform yet), error (could not check: network, server).
  std::string status;
  std::string message;
};

/// Checks env.account's stored credentials online (offline for feed). env.session may be null
/// when the platform needs no credentials; env.transport may be null for offline platforms.
CheckResult check_account(const Env& env);

}  // namespace smm::platform
