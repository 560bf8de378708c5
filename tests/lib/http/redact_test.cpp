// SPDX-License-Identifier: MIT
#include "smm/http/redact.hpp"

#include <nlohmann/json.hpp>

#include "support/catch.hpp"

using smm::http::is_secret_field;
using smm::http::is_secret_header;
using smm::http::redact_body;
using smm::http::redact_header;
using smm::http::redact_url;
using smm::http::Secrets;

TEST_CASE("Secret header names", "[http][redact]") {
  for (const char* name :
       {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "X-Api-Key", "X-Auth-Token", "X-CSRF-TOKEN", "X-Client-Secret", "X-Session-Id",
        "X-Password", "X-Hub-Signature", "X-Refresh-Jwt", "X-Goog-Credential"}) {
    INFO(name);
    CHECK(is_secret_header(name));
  }
  for (const char* name :
       {"Idempotency-Key", "idempotency-key", "Content-Type", "Accept", "User-Agent",
        "X-RateLimit-Reset", "Retry-After", "Keep-Alive", "WWW-Authenticate", "Location"}) {
    INFO(name);
    CHECK_FALSE(is_secret_header(name));
  }
}

TEST_CASE("Secret field names", "[http][redact]") {
  for (const char* name :
       {"access_token", "refresh_token", "token", "id_token", "accessJwt", "refreshJwt",
        "client_secret", "password", "Password", "code", "code_verifier", "oauth_verifier",
        "oauth_token", "api_key", "apiKey", "key", "sig", "session_id"}) {
    INFO(name);
    CHECK(is_secret_field(name));
  }
  for (const char* name : {"status", "client_id", "redirect_uri", "grant_type", "handle", "did",
                           "text", "scope", "max_id", "keyword", "error"}) {
    INFO(name);
    CHECK_FALSE(is_secret_field(name));
  }
}

TEST_CASE("redact_url", "[http][redact]") {
  SECTION("plain URLs are kept") {
    CHECK(redact_url("https://mastodon.example/api/v1/statuses?limit=40&max_id=9", false) ==
          "https://mastodon.example/api/v1/statuses?limit=40&max_id=9");
  }
  SECTION("secret query parameters") {
    CHECK(redact_url("https://x.test/cb?code=abc123&state=s1&access_token=t0k", false) ==
          "https://x.test/cb?code=[redacted]&state=s1&access_token=[redacted]");
    CHECK(redact_url("https://x.test/?client%5Fsecret=zz", false) ==
          "https://x.test/?client%5Fsecret=[redacted]");
    CHECK(redact_url("https://x.test/?token", false) == "https://x.test/?token");
  }
  SECTION("fragments (implicit OAuth flows) and user-info") {
    CHECK(redact_url("https://x.test/cb#access_token=abc&token_type=bearer", false) ==
          "https://x.test/cb#access_token=[redacted]&token_type=[redacted]");
    CHECK(redact_url("https://x.test/p?a=1#section", false) == "https://x.test/p?a=1#section");
    CHECK(redact_url("https://user:pa55word@x.test:8443/p", false) ==
          "https://[redacted]@x.test:8443/p");
  }
  SECTION("a secret URL keeps scheme and host only") {
    Secrets seen;
    CHECK(redact_url("https://discord.com/api/webhooks/123/abcdefSECRET?wait=true", true, &seen) ==
          "https://discord.com/[redacted]");
    CHECK(redact_url("https://hooks.example", true) == "https://hooks.example");
    CHECK(seen.scrub("echo /api/webhooks/123/abcdefSECRET") == "echo [redacted]");
  }
}

TEST_CASE("redact_header", "[http][redact]") {
  Secrets seen;
  CHECK(redact_header("Authorization", "Bearer abcdefgh12345", false, &seen) == "[redacted]");
  CHECK(redact_header("Idempotency-Key", "3f2d9c1e-uuid", false, &seen) == "3f2d9c1e-uuid");
  CHECK(redact_header("Location", "https://app.test/cb?code=xyz", false, &seen) ==
        "https://app.test/cb?code=[redacted]");
  CHECK(redact_header("location", "https://hook.test/a/b/c", true, &seen) ==
        "https://hook.test/[redacted]");
  // The bare token is remembered, so an echo of it is scrubbed too.
  CHECK(seen.scrub("invalid token abcdefgh12345!") == "invalid token [redacted]!");
}

TEST_CASE("redact_body: JSON", "[http][redact]") {
  Secrets seen;
  std::string session =
      R"({"did":"did:plc:abc","handle":"alice.test","accessJwt":"eyJhbGciOi.access",)"
      R"("refreshJwt":"eyJhbGciOi.refresh","nested":[{"password":"hunter22"}],"code":88})";
  auto out = nlohmann::json::parse(redact_body(session, "application/json; charset=utf-8", &seen));
  CHECK(out["handle"] == "alice.test");
  CHECK(out["accessJwt"] == "[redacted]");
  CHECK(out["refreshJwt"] == "[redacted]");
  CHECK(out["nested"][0]["password"] == "[redacted]");
  CHECK(out["code"] == 88);  // an error code, not an OAuth code
  CHECK(seen.scrub("eyJhbGciOi.access") == "[redacted]");

  SECTION("a JSON body without a JSON content type is still parsed") {
    CHECK(redact_body(R"({"token":"abcdefgh"})", "text/plain") == R"({"token":"[redacted]"})");
  }
  SECTION("a +json type") {
    CHECK(redact_body(R"({"code":"xyz"})", "application/problem+json") ==
          R"({"code":"[redacted]"})");
  }
  SECTION("JSON that does not parse is withheld") {
    CHECK(redact_body(R"({"access_token":"abcdefgh")", "application/json") ==
          "[unparsed JSON body, 26 bytes]");
    CHECK(redact_body(R"([{"access_token":"abc)", "") == "[unparsed JSON body, 21 bytes]");
  }
}

TEST_CASE("redact_body: forms, text, multipart, binary", "[http][redact]") {
  CHECK(redact_body("grant_type=refresh_token&refresh_token=r3fresh&client_id=app",
                    "application/x-www-form-urlencoded") ==
        "grant_type=refresh_token&refresh_token=[redacted]&client_id=app");
  CHECK(redact_body("hello\nworld", "text/plain") == "hello\nworld");
  CHECK(redact_body("--b\r\nContent-Disposition: form-data\r\n\r\npassword\r\n--b--",
                    "multipart/form-data; boundary=b") == "[multipart body, 54 bytes]");
  CHECK(redact_body(std::string("\x89PNG\r\n\x1a\n", 8), "image/png") == "[binary body, 8 bytes]");
  CHECK(redact_body(std::string("a\0b", 3), "") == "[binary body, 3 bytes]");
  CHECK(redact_body("\xff\xfe", "text/plain") == "[binary body, 2 bytes]");
  CHECK(redact_body("caf\xc3\xa9", "text/plain") == "caf\xc3\xa9");
  CHECK(redact_body("", "application/json").empty());
}
