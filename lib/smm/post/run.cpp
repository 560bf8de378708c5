// SPDX-License-Identifier: MIT
#include "smm/post/run.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "smm/creds/store.hpp"
#include "smm/http/http.hpp"
#include "smm/post/gate.hpp"

namespace smm::post {
namespace {

struct Group {
  std::string post;
  std::vector<std::size_t> tasks;  ///< indexes into the task list
};

/// Requests that can be in flight at once: --jobs, or less when every platform involved is capped.
std::size_t usable_slots(const project::Project& project, const std::vector<Task>& tasks, std::size_t jobs) {
  jobs = std::max<std::size_t>(jobs, 1);
  std::set<std::string> platforms;
  for (const Task& t : tasks) {
    if (const project::Account* a = project.account(t.account); a != nullptr) {
      platforms.insert(a->platform);
    }
  }
  std::size_t sum = 0;
  for (const std::string& p : platforms) {
    std::size_t cap = platform_concurrency(p);
    sum += cap == 0 ? jobs : cap;
  }
  return std::clamp<std::size_t>(sum, 1, jobs);
}

std::vector<Group> by_post(const std::vector<Task>& tasks) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    auto [it, fresh] = index.try_emplace(tasks[i].post, groups.size());
    if (fresh) {
      groups.push_back({tasks[i].post, {}});
    }
    groups[it->second].tasks.push_back(i);
  }
  return groups;
}

/// The state all workers share: the credential session, opened once on first need.
class Shared {
 public:
  explicit Shared(const RunConfig& config) : gates(config.jobs), m_config(config) {}

  Gates gates;

  Result<std::shared_ptr<creds::Session>> session() {
    std::lock_guard lock(m_mutex);
    if (!m_session && !m_error) {
      auto opened = m_config.open_session ? m_config.open_session()
                                          : fail(ErrorKind::auth, "no credential store available");
      if (opened) {
        m_session = *opened;
      } else {
        m_error = opened.error();
      }
    }
    if (m_error) {
      return std::unexpected(*m_error);
    }
    return m_session;
  }

 private:
  const RunConfig& m_config;
  std::mutex m_mutex;
  std::shared_ptr<creds::Session> m_session;
  std::optional<Error> m_error;
};

/// One worker's transport and clients.
class Worker {
 public:
  Worker(project::Project& project, const RunConfig& config, Shared& shared)
      : m_project(project), m_config(config), m_shared(shared) {}

  Outcome act(project::Post& post, const Task& task);

 private:
  Result<platform::Client*> client(const std::string& account);

  project::Project& m_project;
  const RunConfig& m_config;
  Shared& m_shared;
  std::unique_ptr<http::Transport> m_transport;
  std::map<std::string, Result<std::unique_ptr<platform::Client>>> m_clients;
};

Result<platform::Client*> Worker::client(const std::string& name) {
  auto it = m_clients.find(name);
  if (it == m_clients.end()) {
    const project::Account* account = m_project.account(name);
    platform::Env env{&m_project, account, [now = m_config.now] { return now; }, nullptr, nullptr, m_config.timeouts};
    Result<std::unique_ptr<platform::Client>> made = fail(ErrorKind::runtime, "unknown account \"" + name + "\"",
                                                          "add it with `smm account add`");
    if (account != nullptr && creds::needs_credentials(account->platform)) {
      auto session = m_shared.session();
      if (!m_transport && m_config.make_transport) {
        m_transport = m_config.make_transport();
      }
      env.session = session ? *session : nullptr;
      env.transport = m_transport.get();
      made = !session ? std::unexpected(session.error())
             : env.transport == nullptr ? fail(ErrorKind::runtime, "no network available")
                                        : platform::make_client(env);
    } else if (account != nullptr) {
      made = platform::make_client(env);
    }
    if (made && account != nullptr) {
      made = std::make_unique<GatedClient>(std::move(*made), m_shared.gates.all(), m_shared.gates.platform(account->platform));
    }
    it = m_clients.emplace(name, std::move(made)).first;
  }
  if (!it->second) {
    return std::unexpected(it->second.error());
  }
  return it->second->get();
}

Outcome Worker::act(project::Post& post, const Task& task) {
  Publishing with{&m_project, nullptr, m_config.save, m_config.now};
  if (task.action == Action::hold) {
    return Outcome{post.id, task.account, "held", "", task.reason, ErrorKind::runtime};
  }
  if (task.action == Action::miss) {
    return miss_target(with, post, task.account, task.reason);
  }
  auto c = client(task.account);
  if (!c) {
    return Outcome{post.id, task.account, "failed", "", c.error().message, c.error().kind};
  }
  with.client = *c;
  return publish_target(with, post, task.account);
}

}  // namespace

std::vector<Outcome> run(project::Project& project, const std::vector<Task>& tasks, const RunConfig& config) {
  RunConfig cfg = config;
  if (!cfg.save) {
    cfg.save = [root = project.root](const project::Post& p, bool ahead) { return project::save_post(root, p, ahead); };
  }
  std::vector<Group> groups = by_post(tasks);
  std::vector<Outcome> outcomes(tasks.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progress_mutex;
  Shared shared(cfg);
  auto work = [&] {
    Worker worker(project, cfg, shared);
    for (std::size_t g = next++; g < groups.size(); g = next++) {
      project::Post* post = project.post(groups[g].post);
      for (std::size_t t : groups[g].tasks) {
        outcomes[t] = worker.act(*post, tasks[t]);
        std::lock_guard lock(progress_mutex);
        ++done;
        if (cfg.progress) {
          cfg.progress(done, tasks.size());
        }
      }
    }
  };
  // Twice as many workers as usable request slots: while some wait on the network, others write
  // and fsync their post files. More would only hold idle connections open (each worker has its
  // own transport), which servers with a connection per thread pay for.
  std::size_t n = std::min(2 * usable_slots(project, tasks, cfg.jobs), std::max<std::size_t>(groups.size(), 1));
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < n; ++i) {
    threads.emplace_back(work);
  }
  work();
  for (auto& t : threads) {
    t.join();
  }
  return outcomes;
}

Result<std::string> preview(const project::Project& project, const std::vector<Task>& tasks, time::Instant now) {
  std::string out;
  for (const Task& task : tasks) {
    const project::Post* post = const_cast<project::Project&>(project).post(task.post);
    out += "# " + task.post + " -> " + task.account;
    if (task.action != Action::publish) {
      out += (task.action == Action::miss ? ": would be marked missed: " : ": held: ") + task.reason + "\n\n";
      continue;
    }
    const project::Account* account = project.account(task.account);
    platform::Env env{&project, account, [now] { return now; }, nullptr, nullptr, {}};
    auto client = account == nullptr ? fail(ErrorKind::runtime, "unknown account") : platform::make_client(env);
    auto parts = client ? parts_for(project, *post, task.account, (*client)->capabilities())
                        : std::unexpected(client.error());
    if (!parts) {
      out += ": would fail: " + parts.error().message + "\n\n";
      continue;
    }
    out += "\n";
    for (auto& part : *parts) {
      part.key = "{key-" + std::to_string(part.index + 1) + "}";
      part.at = post->at.value_or(now);
      for (const auto& request : (*client)->preview(part)) {
        out += http::describe(request) + "\n";
      }
    }
  }
  return out;
}

int exit_code(const std::vector<Outcome>& outcomes) {
  bool published = false;
  bool failed = false;
  bool auth = false;
  for (const auto& o : outcomes) {
    published = published || o.state == "published";
    bool bad = o.state == "failed" || o.state == "unconfirmed";
    failed = failed || bad;
    auth = auth || (bad && o.kind == ErrorKind::auth);
  }
  if (!failed) {
    return 0;
  }
  if (published) {
    return exit_code_for(ErrorKind::partial);
  }
  return auth ? exit_code_for(ErrorKind::auth) : 1;
}

}  // namespace smm::post
