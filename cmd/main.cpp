// SPDX-License-Identifier: MIT
#include <charconv>
#include <chrono>

#include "cmd/root.hpp"
#include "cmd/system_streams.hpp"
#include "smm/http/curl_transport.hpp"

int main(int argc, char** argv) {
  smm::cmd::SystemStreams io;
  smm::Context ctx{io, [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
                   std::filesystem::current_path(), smm::Env::from_process(),
                   [] { return std::make_unique<smm::http::CurlTransport>(); }};
  if (auto columns = ctx.env.get("COLUMNS")) {
    int n = 0;
    std::from_chars(columns->data(), columns->data() + columns->size(), n);
    io.set_columns_hint(n);
  }
  return smm::cmd::run(argc, argv, ctx);
}
