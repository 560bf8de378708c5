// SPDX-License-Identifier: MIT
#include "smm/http/form.hpp"
#include "support/catch.hpp"

namespace smm::http {

TEST_CASE("multipart: fields, files and header-safe names", "[http]") {
  auto m = multipart({{"description", "two\r\nlines", "", ""}, {"fi\"le", std::string("\0\x01", 2), "a\"\n.png", "image/png"}}, "XyZ");
  CHECK(m.content_type == "multipart/form-data; boundary=XyZ");
  CHECK(m.body == std::string("--XyZ\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ntwo\r\nlines\r\n"
                              "--XyZ\r\nContent-Disposition: form-data; name=\"fi_le\"; filename=\"a__.png\"\r\n"
                              "Content-Type: image/png\r\n\r\n") + std::string("\0\x01", 2) + "\r\n--XyZ--\r\n");
}

TEST_CASE("percent_encode keeps only unreserved characters", "[http]") {
  CHECK(percent_encode("aZ09-._~") == "aZ09-._~");
  CHECK(percent_encode("urn:ietf wg/ü+&=") == "urn%3Aietf%20wg%2F%C3%BC%2B%26%3D");
}

}  // namespace smm::http
