// SPDX-License-Identifier: MIT
#include "smm/creds/store.hpp"

#include <sys/stat.h>

#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::creds {
namespace {

namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return static_cast<unsigned>(st.st_mode & 07777);
}

/// Writes `bytes` at `path` with `mode`, creating its directories.
void put_file(const fs::path& path, const std::string& bytes, fs::perms mode) {
  fs::create_directories(path.parent_path());
  REQUIRE(project::write_file_atomic(path, bytes).has_value());
  fs::permissions(path, mode);
}

Env env_of(std::map<std::string, std::string> vars) { return Env(std::move(vars)); }

const fs::perms k_0600 = fs::perms::owner_read | fs::perms::owner_write;

const char* k_stored = R"({
  "schema_version": 1,
  "accounts": {
    "mastodon:acme@mastodon.social": {
      "platform": "mastodon",
      "handle": "acme",
      "server": "https://mastodon.social",
      "access_token": "SECRET-ACCESS",
      "scopes": [
        "read",
        "write"
      ],
      "client_secret": "SECRET-CLIENT",
      "created_by": "smm 0.1.0"
    },
    "bluesky:alice.example.com": {
      "platform": "bluesky",
      "handle": "alice.example.com",
      "access_token": "SECRET-JWT",
      "refresh_token": "SECRET-REFRESH",
      "expires_at": "2026-11-23T12:00:00Z",
      "refresh_expires_at": "2027-02-21T10:00:00Z",
      "pds": "https://pds.example.com"
    }
  },
  "note": "written by a newer smm"
}
)";

TEST_CASE("credentials_path: SMM_CREDENTIALS, then XDG_CONFIG_HOME, then HOME", "[creds]") {
  Env all = env_of({{"SMM_CREDENTIALS", "/x/c.json"}, {"XDG_CONFIG_HOME", "/xdg"}, {"HOME", "/home/u"}});
  CHECK(credentials_path(all).value() == "/x/c.json");
  Env xdg = env_of({{"XDG_CONFIG_HOME", "/xdg"}, {"HOME", "/home/u"}});
  CHECK(credentials_path(xdg).value() == "/xdg/smm/credentials.json");
  Env home = env_of({{"HOME", "/home/u"}});
  CHECK(credentials_path(home).value() == "/home/u/.config/smm/credentials.json");
  SECTION("empty or relative values are ignored") {
    Env empty = env_of({{"SMM_CREDENTIALS", ""}, {"XDG_CONFIG_HOME", "relative"}, {"HOME", "/home/u"}});
    CHECK(credentials_path(empty).value() == "/home/u/.config/smm/credentials.json");
  }
  SECTION("nothing set") {
    auto p = credentials_path(Env());
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().hint.find("SMM_CREDENTIALS") != std::string::npos);
  }
}

TEST_CASE("load picks the file by precedence", "[creds]") {
  test::TempProject dir(false);
  put_file(dir.dir() / "xdg/smm/credentials.json", R"({"accounts": {"x:from-xdg": {"platform": "x"}}})", k_0600);
  put_file(dir.dir() / "explicit.json", R"({"accounts": {"x:explicit": {"platform": "x"}}})", k_0600);
  Env env = env_of({{"HOME", (dir.dir() / "home").string()}, {"XDG_CONFIG_HOME", (dir.dir() / "xdg").string()}});
  CHECK(CredentialStore::load(env).value().identities() == std::vector<std::string>{"x:from-xdg"});
  env.set("SMM_CREDENTIALS", (dir.dir() / "explicit.json").string());
  CHECK(CredentialStore::load(env).value().identities() == std::vector<std::string>{"x:explicit"});
}

TEST_CASE("a missing file is an empty store", "[creds]") {
  test::TempProject dir(false);
  auto store = CredentialStore::load(env_of({{"HOME", dir.dir().string()}}));
  REQUIRE(store.has_value());
  CHECK(store->identities().empty());
  CHECK(store->find("bluesky:alice.example.com") == nullptr);
  CHECK(store->path() == dir.dir() / ".config/smm/credentials.json");
}

TEST_CASE("a file others can read or write is refused, as ssh does", "[creds]") {
  test::TempProject dir(false);
  fs::path file = dir.dir() / "credentials.json";
  Env env = env_of({{"SMM_CREDENTIALS", file.string()}});
  using P = fs::perms;
  for (P extra : {P::group_read, P::others_read, P::group_write, P::others_write}) {
    put_file(file, k_stored, k_0600 | extra);
    auto store = CredentialStore::load(env);
    REQUIRE_FALSE(store.has_value());
    CHECK(store.error().kind == ErrorKind::auth);
    CHECK(exit_code_for(store.error().kind) == 4);
    CHECK(store.error().hint == "chmod 600 " + file.string());
    CHECK(store.error().message.find("SECRET") == std::string::npos);
  }
  put_file(file, k_stored, k_0600 | P::group_read | P::others_read);
  CHECK(CredentialStore::load(env).error().message ==
        "credentials file " + file.string() + " is accessible by group or others (mode 0644); refusing to use it");
  put_file(file, k_stored, k_0600);
  CHECK(CredentialStore::load(env).has_value());
}

TEST_CASE("round trip keeps every field, unknown ones included", "[creds]") {
  test::TempProject dir(false);
  fs::path file = dir.dir() / "credentials.json";
  put_file(file, k_stored, k_0600);
  auto store = CredentialStore::load_file(file);
  REQUIRE(store.has_value());
  const Credential* bsky = store->find("bluesky:alice.example.com");
  REQUIRE(bsky != nullptr);
  CHECK(bsky->platform == "bluesky");
  CHECK(bsky->access_token() == "SECRET-JWT");
  CHECK(bsky->has_refresh_token());
  CHECK(bsky->expires_at == time::parse_rfc3339("2026-11-23T12:00:00Z").value());
  CHECK(bsky->refresh_expires_at == time::parse_rfc3339("2027-02-21T10:00:00Z").value());
  CHECK(bsky->extra_string("pds") == "https://pds.example.com");
  const Credential* masto = store->find("mastodon:acme@mastodon.social");
  REQUIRE(masto != nullptr);
  CHECK_FALSE(masto->has_refresh_token());
  CHECK_FALSE(masto->expires_at.has_value());
  CHECK(masto->scopes == std::vector<std::string>{"read", "write"});
  REQUIRE(store->save().has_value());
  // Keys in canonical order: the known ones, then the unknown; accounts sorted by identity.
  CHECK(project::read_file(file).value() == R"({
  "schema_version": 1,
  "accounts": {
    "bluesky:alice.example.com": {
      "platform": "bluesky",
      "handle": "alice.example.com",
      "access_token": "SECRET-JWT",
      "refresh_token": "SECRET-REFRESH",
      "expires_at": "2026-11-23T12:00:00Z",
      "refresh_expires_at": "2027-02-21T10:00:00Z",
      "pds": "https://pds.example.com"
    },
    "mastodon:acme@mastodon.social": {
      "platform": "mastodon",
      "handle": "acme",
      "server": "https://mastodon.social",
      "access_token": "SECRET-ACCESS",
      "scopes": [
        "read",
        "write"
      ],
      "client_secret": "SECRET-CLIENT",
      "created_by": "smm 0.1.0"
    }
  },
  "note": "written by a newer smm"
}
)");
  SECTION("saving again changes no byte") {
    std::string before = project::read_file(file).value();
    REQUIRE(CredentialStore::load_file(file).value().save().has_value());
    CHECK(project::read_file(file).value() == before);
  }
}

TEST_CASE("save writes mode 0600 and creates directories 0700", "[creds]") {
  test::TempProject dir(false);
  Env env = env_of({{"XDG_CONFIG_HOME", (dir.dir() / "cfg").string()}});
  auto store = CredentialStore::load(env);
  REQUIRE(store.has_value());
  Credential c;
  c.platform = "bluesky";
  c.handle = "alice.example.com";
  c.set_access_token("SECRET-JWT");
  c.set_refresh_token("SECRET-REFRESH");
  c.expires_at = time::parse_rfc3339("2026-11-23T12:00:00+01:00").value();
  store->put("bluesky:alice.example.com", c);
  REQUIRE(store->save().has_value());
  fs::path file = dir.dir() / "cfg/smm/credentials.json";
  CHECK(mode_of(file) == 0600);
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(mode_of(file.parent_path().parent_path()) == 0700);
  auto again = CredentialStore::load(env);
  REQUIRE(again.has_value());
  CHECK(again->find("bluesky:alice.example.com")->refresh_token() == "SECRET-REFRESH");
  CHECK(project::read_file(file).value().find("\"expires_at\": \"2026-11-23T11:00:00Z\"") != std::string::npos);
  SECTION("a rewrite keeps 0600 and leaves no temp file") {
    CHECK(again->remove("bluesky:alice.example.com"));
    CHECK_FALSE(again->remove("bluesky:alice.example.com"));
    REQUIRE(again->save().has_value());
    CHECK(mode_of(file) == 0600);
    CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()) == 1);
  }
}

TEST_CASE("invalid files are reported by place, never by value", "[creds]") {
  test::TempProject dir(false);
  fs::path file = dir.dir() / "credentials.json";
  struct Case {
    const char* name;
    const char* bytes;
    const char* location;
  };
  for (const Case& c : std::vector<Case>{
           {"broken JSON", "{\"accounts\": {\"x:a\": {\"access_token\": \"SECRET-\n", ""},
           {"token of the wrong type", R"({"accounts": {"x:a": {"access_token": ["SECRET-1"]}}})", "/accounts/x:a/access_token"},
           {"bad time", R"({"accounts": {"x:a/b": {"expires_at": "SECRET-2"}}})", "/accounts/x:a~1b/expires_at"},
           {"scopes", R"({"accounts": {"x:a": {"scopes": "SECRET-3"}}})", "/accounts/x:a/scopes"},
           {"schema", R"({"schema_version": 2})", "/schema_version"},
       }) {
    SECTION(c.name) {
      put_file(file, c.bytes, k_0600);
      auto store = CredentialStore::load_file(file);
      REQUIRE_FALSE(store.has_value());
      CHECK(store.error().kind == ErrorKind::runtime);
      CHECK(store.error().location == file.string() + (*c.location != '\0' ? std::string(": ") + c.location : ""));
      CHECK(store.error().what().find("SECRET") == std::string::npos);
      CHECK(store.error().hint.find("SECRET") == std::string::npos);
    }
  }
}

TEST_CASE("credential identities", "[creds]") {
  auto identity = [](const char* platform, const char* handle, const char* server, const char* name = "acct") {
    project::Account a;
    a.name = name;
    a.platform = platform;
    a.handle = handle;
    a.server = server;
    return credential_identity(a);
  };
  CHECK(identity("mastodon", "acme", "https://mastodon.social") == "mastodon:acme@mastodon.social");
  CHECK(identity("mastodon", "@acme", "Mastodon.Social/") == "mastodon:acme@mastodon.social");
  CHECK(identity("mastodon", "acme@hachyderm.io", "https://mastodon.social") == "mastodon:acme@hachyderm.io");
  CHECK(identity("mastodon", "acme", "http://127.0.0.1:8080/") == "mastodon:acme@127.0.0.1:8080");
  CHECK(identity("bluesky", "alice.example.com", "https://pds.example.com") == "bluesky:alice.example.com");
  CHECK(identity("webhook", "", "", "slack") == "webhook:slack");
  CHECK(server_host("https://user@Example.org:8443/path?q") == "example.org:8443");
  CHECK(needs_credentials("mastodon"));
  CHECK(needs_credentials("webhook"));
  CHECK_FALSE(needs_credentials("feed"));
}

}  // namespace
}  // namespace smm::creds
