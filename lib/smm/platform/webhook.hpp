// SPDX-License-Identifier: MIT
#pragma once

// The `webhook` platform: one JSON POST per post to a URL kept in the credential store (a
// webhook URL is a bearer secret: Slack and Discord incoming webhooks are), with a body made from
// a template in accounts/<name>.json:
//   "template": {"content": "{text}"}            (Discord)
//   "template": {"text": "{text}"}               (Slack; the default)
// Every string in the template has its placeholders replaced, JSON-escaped: {text}, {post_id},
// {account}, {at} (RFC 3339), {tags} (space-separated), {campaign}, {key} (the idempotency key).
// Webhooks can neither deduplicate nor be asked what arrived, so an unconfirmed send is left for
// a person; the request still carries an Idempotency-Key header for receivers that honour one.

#include "smm/platform/client.hpp"

namespace smm::platform {

/// The body for `part` from `templ` (a JSON value; strings get placeholders replaced).
Json webhook_body(const Json& templ, const Part& part);

class WebhookClient final : public Client {
 public:
  WebhookClient(const Env& env, Json templ);
  static Result<std::unique_ptr<Client>> make(const Env& env);

  [[nodiscard]] Capabilities capabilities() const override;
  Result<Remote> publish(const Part& part) override;
  Result<std::optional<Remote>> find(const Part& part) override;
  [[nodiscard]] std::vector<http::Request> preview(const Part& part) const override;
  Result<void> remove(const Remote& remote) override;
  Result<Identity> check() override;

 private:
  Result<std::string> url() const;
  [[nodiscard]] http::Request request(const Part& part, std::string url) const;

  Env m_env;
  Json m_template;
};

}  // namespace smm::platform
