// SPDX-License-Identifier: MIT
// creds::Session::update saves under the store's lock and keeps what another process saved.
#include "smm/creds/session.hpp"

#include <sys/stat.h>

#include "support/catch.hpp"
#include "support/temp_project.hpp"

namespace smm::creds {
namespace {

Credential token(const std::string& value) {
  Credential c;
  c.platform = "mastodon";
  c.set_access_token(value);
  return c;
}

}  // namespace

TEST_CASE("session: two processes rotating different accounts keep both rotations", "[creds]") {
  test::TempProject dir;
  Env env({{"SMM_CREDENTIALS", (dir.dir() / "creds" / "credentials.json").string()}});
  auto first = Session::open(env);
  REQUIRE(first.has_value());
  REQUIRE((*first)->update("mastodon:a@one.example", token("a-1")).has_value());
  REQUIRE((*first)->update("mastodon:b@two.example", token("b-1")).has_value());

  // Both load the same store; each then rotates its own account's token.
  auto one = Session::open(env);
  auto two = Session::open(env);
  REQUIRE(one.has_value());
  REQUIRE(two.has_value());
  REQUIRE((*one)->update("mastodon:a@one.example", token("a-2")).has_value());
  REQUIRE((*two)->update("mastodon:b@two.example", token("b-2")).has_value());

  auto stored = CredentialStore::load(env);
  REQUIRE(stored.has_value());
  CHECK(stored->find("mastodon:a@one.example")->access_token() == "a-2");
  CHECK(stored->find("mastodon:b@two.example")->access_token() == "b-2");
  CHECK((*two)->get("mastodon:a@one.example")->access_token() == "a-2");  // picked up on save

  struct stat st {};
  REQUIRE(::stat((dir.dir() / "creds" / "credentials.json.lock").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

}  // namespace smm::creds
