// SPDX-License-Identifier: MIT
#include "smm/creds/store.hpp"

#include <algorithm>
#include <cctype>

#include "smm/creds/private_file.hpp"
#include "smm/project/files.hpp"

namespace smm::creds {
namespace fs = std::filesystem;
namespace {

// Fields written in this order; anything else is kept in extra() and written after them.
constexpr const char* k_known[] = {"platform",      "handle",     "server",             "access_token",
                                   "refresh_token", "expires_at", "refresh_expires_at", "scopes"};

/// A JSON pointer token for a key ('~' and '/' escaped).
std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  }
  return out;
}

/// Decoding errors name the file and the JSON pointer only; values may be secrets.
Error invalid(const fs::path& path, const std::string& pointer, const std::string& what) {
  return Error{ErrorKind::runtime, "invalid credentials file: " + what,
               "fix or remove the entry, then run `smm account login` again",
               pointer.empty() ? path.string() : path.string() + ": " + pointer};
}

Result<std::optional<time::Instant>> decode_time(const Json& v, const fs::path& path, const std::string& ptr) {
  if (v.is_null()) {
    return std::optional<time::Instant>{};
  }
  if (!v.is_string()) {
    return std::unexpected(invalid(path, ptr, "expected an RFC 3339 time"));
  }
  auto t = time::parse_rfc3339(v.get<std::string>());
  if (!t) {
    return std::unexpected(invalid(path, ptr, "expected an RFC 3339 time"));
  }
  return std::optional<time::Instant>{*t};
}

Result<void> decode_string(const Json& entry, const char* key, std::string& out, const fs::path& path,
                           const std::string& ptr) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) {
    return {};
  }
  if (!it->is_string()) {
    return std::unexpected(invalid(path, ptr + "/" + key, "expected a string"));
  }
  out = it->get<std::string>();
  return {};
}

Result<Credential> decode_credential(const Json& entry, const fs::path& path, const std::string& ptr) {
  if (!entry.is_object()) {
    return std::unexpected(invalid(path, ptr, "expected an object"));
  }
  Credential c;
  std::string access;
  std::string refresh;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"platform", &c.platform}, {"handle", &c.handle},
                          {"server", &c.server}, {"access_token", &access}, {"refresh_token", &refresh}}) {
    if (auto r = decode_string(entry, key, *out, path, ptr); !r) {
      return std::unexpected(r.error());
    }
  }
  c.set_access_token(std::move(access));
  c.set_refresh_token(std::move(refresh));
  for (auto [key, out] : {std::pair<const char*, std::optional<time::Instant>*>{"expires_at", &c.expires_at},
                          {"refresh_expires_at", &c.refresh_expires_at}}) {
    auto t = decode_time(entry.contains(key) ? entry.at(key) : Json(), path, ptr + "/" + key);
    if (!t) {
      return std::unexpected(t.error());
    }
    *out = *t;
  }
  if (auto it = entry.find("scopes"); it != entry.end() && !it->is_null()) {
    bool ok = it->is_array() && std::all_of(it->begin(), it->end(), [](const Json& s) { return s.is_string(); });
    if (!ok) {
      return std::unexpected(invalid(path, ptr + "/scopes", "expected an array of strings"));
    }
    c.scopes = it->get<std::vector<std::string>>();
  }
  for (const auto& [key, value] : entry.items()) {
    if (std::find_if(std::begin(k_known), std::end(k_known), [&](const char* k) { return key == k; }) ==
        std::end(k_known)) {
      c.extra()[key] = value;
    }
  }
  return c;
}

Result<std::map<std::string, Credential>> decode_accounts(const Json& doc, const fs::path& path) {
  std::map<std::string, Credential> out;
  auto accounts = doc.find("accounts");
  if (accounts == doc.end()) {
    return out;
  }
  if (!accounts->is_object()) {
    return std::unexpected(invalid(path, "/accounts", "expected an object"));
  }
  for (const auto& [identity, entry] : accounts->items()) {
    auto c = decode_credential(entry, path, "/accounts/" + pointer_token(identity));
    if (!c) {
      return std::unexpected(c.error());
    }
    out.emplace(identity, std::move(*c));
  }
  return out;
}

/// "2026-12-14T09:00:00Z".
std::string format_utc(time::Instant t) {
  std::string s = time::format_rfc3339(t, time::utc());
  if (s.ends_with("+00:00")) {
    s.replace(s.size() - 6, 6, "Z");
  }
  return s;
}

Json encode_credential(const Credential& c) {
  Json j = Json::object();
  j["platform"] = c.platform;
  for (auto [key, value] : {std::pair<const char*, const std::string*>{"handle", &c.handle}, {"server", &c.server},
                            {"access_token", &c.access_token()}, {"refresh_token", &c.refresh_token()}}) {
    if (!value->empty()) {
      j[key] = *value;
    }
  }
  if (c.expires_at) {
    j["expires_at"] = format_utc(*c.expires_at);
  }
  if (c.refresh_expires_at) {
    j["refresh_expires_at"] = format_utc(*c.refresh_expires_at);
  }
  if (!c.scopes.empty()) {
    j["scopes"] = c.scopes;
  }
  for (const auto& [key, value] : c.extra().items()) {
    j[key] = value;
  }
  return j;
}

}  // namespace

std::string Credential::extra_string(const std::string& key) const {
  auto it = m_extra.find(key);
  return it != m_extra.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool needs_credentials(std::string_view platform) { return platform != "feed"; }

std::string server_host(std::string_view server) {
  if (auto scheme = server.find("://"); scheme != std::string_view::npos) {
    server.remove_prefix(scheme + 3);
  }
  server = server.substr(0, server.find_first_of("/?#"));
  if (auto at = server.rfind('@'); at != std::string_view::npos) {
    server.remove_prefix(at + 1);  // user info
  }
  std::string host(server);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  return host;
}

std::string credential_identity(const project::Account& account) {
  std::string handle = account.handle;
  if (handle.starts_with('@')) {
    handle.erase(0, 1);
  }
  if (handle.empty()) {
    handle = account.name;
  }
  std::string identity = account.platform + ":" + handle;
  std::string host = server_host(account.server);
  if (account.platform == "mastodon" && handle.find('@') == std::string::npos && !host.empty()) {
    identity += "@" + host;
  }
  return identity;
}

Result<fs::path> credentials_path(const Env& env) {
  if (env.has("SMM_CREDENTIALS")) {
    return fs::path(*env.get("SMM_CREDENTIALS"));
  }
  // The XDG base directory spec: an empty or relative XDG_CONFIG_HOME is to be ignored.
  if (env.has("XDG_CONFIG_HOME") && fs::path(*env.get("XDG_CONFIG_HOME")).is_absolute()) {
    return fs::path(*env.get("XDG_CONFIG_HOME")) / "smm" / "credentials.json";
  }
  if (env.has("HOME")) {
    return fs::path(*env.get("HOME")) / ".config" / "smm" / "credentials.json";
  }
  return fail(ErrorKind::runtime, "cannot tell where the credentials file is: HOME is not set",
              "set SMM_CREDENTIALS to the file's path (or HOME, or XDG_CONFIG_HOME)");
}

Result<CredentialStore> CredentialStore::load(const Env& env) {
  auto path = credentials_path(env);
  if (!path) {
    return std::unexpected(path.error());
  }
  return load_file(*path);
}

Result<CredentialStore> CredentialStore::load_file(const fs::path& path) {
  CredentialStore store(path);
  auto text = read_private_file(path);
  if (!text) {
    return std::unexpected(text.error());
  }
  if (!*text) {
    return store;  // no file yet
  }
  Json doc;
  try {
    doc = Json::parse(**text);
  } catch (const Json::parse_error& e) {
    // Only the position: nlohmann's message quotes the bytes it last read, maybe part of a token.
    return std::unexpected(invalid(path, "", "invalid JSON at " + project::line_column(**text, e.byte > 0 ? e.byte - 1 : 0)));
  }
  if (!doc.is_object()) {
    return std::unexpected(invalid(path, "", "expected an object"));
  }
  if (auto v = doc.find("schema_version"); v != doc.end() && !(v->is_number_integer() && *v == k_schema_version)) {
    return std::unexpected(invalid(path, "/schema_version", "unsupported schema version (this smm reads 1)"));
  }
  auto accounts = decode_accounts(doc, path);
  if (!accounts) {
    return std::unexpected(accounts.error());
  }
  store.m_accounts = std::move(*accounts);
  for (const auto& [key, value] : doc.items()) {
    if (key != "schema_version" && key != "accounts") {
      store.m_extra[key] = value;
    }
  }
  return store;
}

const Credential* CredentialStore::find(const std::string& identity) const {
  auto it = m_accounts.find(identity);
  return it == m_accounts.end() ? nullptr : &it->second;
}

void CredentialStore::put(const std::string& identity, Credential credential) {
  m_accounts.insert_or_assign(identity, std::move(credential));
}

bool CredentialStore::remove(const std::string& identity) { return m_accounts.erase(identity) > 0; }

std::vector<std::string> CredentialStore::identities() const {
  std::vector<std::string> out;
  for (const auto& [identity, credential] : m_accounts) {
    out.push_back(identity);
  }
  return out;
}

Result<void> CredentialStore::save() const {
  Json doc = Json::object();
  doc["schema_version"] = k_schema_version;
  doc["accounts"] = Json::object();
  for (const auto& [identity, credential] : m_accounts) {
    doc["accounts"][identity] = encode_credential(credential);
  }
  for (const auto& [key, value] : m_extra.items()) {
    doc[key] = value;
  }
  // Write through a symlink (dotfile managers link the file) rather than replacing the link.
  std::error_code ec;
  fs::path target = fs::is_symlink(m_path, ec) ? fs::canonical(m_path, ec) : m_path;
  if (ec) {
    target = m_path;
  }
  return write_private_file(target, project::dump_json(doc));
}

}  // namespace smm::creds
