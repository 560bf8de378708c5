// SPDX-License-Identifier: MIT
// plan_import(): one CSV record at a time -> a post to save, or located problems.
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "smm/plan/create.hpp"
#include "smm/plan/csv_cells.hpp"
#include "smm/plan/csv_io.hpp"

namespace smm::plan {
namespace {

using detail::read_back;
using detail::split_lines;
using detail::split_list;
using detail::trim;
using project::Post;
using ColumnMap = std::array<std::optional<std::size_t>, k_csv_columns.size()>;

constexpr std::array<CsvColumn, k_csv_columns.size()> k_all_columns = {
    CsvColumn::id,      CsvColumn::at,       CsvColumn::zone,   CsvColumn::status,
    CsvColumn::targets, CsvColumn::text,     CsvColumn::media,  CsvColumn::alt,
    CsvColumn::tags,    CsvColumn::campaign, CsvColumn::thread, CsvColumn::first_comment};

bool inside_project(const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) {
    return false;
  }
  return std::none_of(p.begin(), p.end(),
                      [](const std::filesystem::path& part) { return part == ".."; });
}

// validate_post() locates problems by JSON pointer; the CSV column that holds each field.
std::string_view column_for(const Error& problem) {
  auto sep = problem.location.find(": /");
  if (sep == std::string::npos) {
    return {};
  }
  std::string_view field = std::string_view(problem.location).substr(sep + 3);
  field = field.substr(0, field.find('/'));
  if (field == "variants") {
    return "targets";
  }
  for (auto name : k_csv_columns) {
    if (name == field) {
      return name;
    }
  }
  return {};
}

class Importer {
 public:
  Importer(const project::Project& project, const ColumnMap& columns, std::size_t header_size,
           const std::string& file, time::Instant now)
      : m_project(project),
        m_columns(columns),
        m_header_size(header_size),
        m_file(file),
        m_now(now),
        m_created(project, now) {}

  /// Reserves every id the file names, so generated ids never take one.
  void reserve(const std::vector<csv::Row>& rows) {
    for (const auto& row : rows) {
      if (auto id = cell(row, CsvColumn::id); id && !trim(*id).empty()) {
        m_taken.emplace(trim(*id));
      }
    }
  }

  RowOutcome read(const csv::Row& row);

 private:
  [[nodiscard]] std::optional<std::string_view> cell(const csv::Row& row, CsvColumn c) const {
    const auto& index = m_columns[static_cast<std::size_t>(c)];
    return index ? std::optional<std::string_view>(row.fields[*index]) : std::nullopt;
  }
  [[nodiscard]] std::string_view value(CsvColumn c) const { return cell(*m_row, c).value_or(""); }
  /// True when the row sets this field: the column is there and, for an existing post, the cell
  /// differs from what export writes for it.
  [[nodiscard]] bool sets(CsvColumn c) const {
    auto v = cell(*m_row, c);
    return v && (m_old == nullptr || read_back(m_before[static_cast<std::size_t>(c)]) != *v);
  }
  /// The row's cell, or (column missing) what export writes for the stored post.
  [[nodiscard]] std::string current(CsvColumn c) const {
    if (auto v = cell(*m_row, c)) {
      return std::string(*v);
    }
    return m_old != nullptr ? read_back(m_before[static_cast<std::size_t>(c)]) : std::string();
  }
  void problem(std::string_view column, std::string message, std::string hint = {}) {
    std::string where = m_file + ":" + std::to_string(m_row->number) +
                        (column.empty() ? "" : ": " + std::string(column));
    m_out.problems.push_back(
        Error{ErrorKind::runtime, std::move(message), std::move(hint), std::move(where)});
  }
  void problem(CsvColumn c, std::string message, std::string hint = {}) {
    problem(column_name(c), std::move(message), std::move(hint));
  }

  bool resolve_id();
  void apply_fields(Post& post);
  void apply_media(Post& post);
  void apply_at(Post& post);
  void guard_published(const Post& post);
  void finish(Post& post);
  /// The outcome of a row without problems; `untouched`: no cell differs from the stored post.
  RowOutcome done(Post&& post, bool untouched = false);

  const project::Project& m_project;
  const ColumnMap& m_columns;
  std::size_t m_header_size;
  const std::string& m_file;
  time::Instant m_now;
  CreatedClock m_created;
  std::unordered_set<std::string> m_taken;              // ids named in the file or generated
  std::unordered_map<std::string, std::size_t> m_seen;  // id -> the row that named it first
  // The row being read.
  const csv::Row* m_row = nullptr;
  const Post* m_old = nullptr;
  std::vector<std::string> m_before;
  RowOutcome m_out;
};

RowOutcome Importer::read(const csv::Row& row) {
  m_row = &row;
  m_old = nullptr;
  m_out = RowOutcome{};
  m_out.row = row.number;
  m_out.id = std::string(trim(value(CsvColumn::id)));
  if (row.fields.size() > m_header_size) {
    problem("",
            "the row has " + std::to_string(row.fields.size()) + " cells but the header names " +
                std::to_string(m_header_size) + " columns",
            "enclose cells that contain commas in double quotes");
    return std::move(m_out);
  }
  if (!resolve_id()) {
    return std::move(m_out);
  }
  Post post = m_old != nullptr ? *m_old : Post{};
  post.id = m_out.id;
  if (m_old != nullptr) {
    export_cells(*m_old, m_before);
    if (std::none_of(k_all_columns.begin(), k_all_columns.end(),
                     [&](CsvColumn c) { return sets(c); })) {
      return done(std::move(post), true);  // and valid: only valid posts are loaded
    }
  }
  apply_fields(post);
  apply_media(post);
  apply_at(post);
  guard_published(post);
  if (m_out.problems.empty()) {
    finish(post);
  }
  return m_out.problems.empty() ? done(std::move(post)) : std::move(m_out);
}

RowOutcome Importer::done(Post&& post, bool untouched) {
  if (m_old == nullptr) {
    m_out.action = RowAction::created;
  } else {
    bool same = untouched || project::to_json(post) == project::to_json(*m_old);
    m_out.action = same ? RowAction::unchanged : RowAction::updated;
  }
  m_out.id = post.id;
  m_out.post = std::move(post);
  return std::move(m_out);
}

// Finds the existing post the row names; false (with a problem) when the id cannot be used.
bool Importer::resolve_id() {
  const std::string& id = m_out.id;
  if (id.empty()) {
    return true;
  }
  if (!project::valid_id(id)) {
    problem(CsvColumn::id, "invalid id \"" + id + "\"",
            "use lower-case letters, digits and '-', or leave it empty for a new post");
    return false;
  }
  if (auto [it, fresh] = m_seen.emplace(id, m_row->number); !fresh) {
    problem(CsvColumn::id,
            "\"" + id + "\" appears again (first in row " + std::to_string(it->second) + ")",
            "give each post one row");
    return false;
  }
  auto it = std::lower_bound(m_project.posts.begin(), m_project.posts.end(), id,
                             [](const Post& p, const std::string& v) { return p.id < v; });
  if (it != m_project.posts.end() && it->id == id) {
    m_old = &*it;
    return true;
  }
  if (std::filesystem::exists(m_project.root / project::Project::post_path(id))) {
    problem(CsvColumn::id, project::Project::post_path(id) + " could not be loaded",
            "fix that file first (see the warning above)");
    return false;
  }
  return true;
}

void Importer::apply_fields(Post& post) {
  if (sets(CsvColumn::targets)) {
    post.targets = split_list(value(CsvColumn::targets));
  }
  if (sets(CsvColumn::tags)) {
    post.tags = split_list(value(CsvColumn::tags));
  }
  if (sets(CsvColumn::zone)) {
    post.zone = std::string(trim(value(CsvColumn::zone)));
  }
  if (sets(CsvColumn::text)) {
    post.text = std::string(value(CsvColumn::text));
  }
  if (sets(CsvColumn::campaign)) {
    post.campaign = std::string(value(CsvColumn::campaign));
  }
  if (sets(CsvColumn::thread)) {
    post.thread = std::string(trim(value(CsvColumn::thread)));
  }
  if (sets(CsvColumn::first_comment)) {
    post.first_comment = std::string(value(CsvColumn::first_comment));
  }
}

// media and alt are read together: alt line i belongs to media line i.
void Importer::apply_media(Post& post) {
  if (!sets(CsvColumn::media) && !sets(CsvColumn::alt)) {
    return;
  }
  auto paths = split_lines(current(CsvColumn::media));
  auto alts = split_lines(current(CsvColumn::alt));
  if (alts.size() > paths.size()) {
    problem(CsvColumn::alt,
            std::to_string(alts.size()) + " lines of alt text for " + std::to_string(paths.size()) +
                " media files",
            "write alt text on the line of the media file it describes");
    return;
  }
  std::vector<project::Media> media;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::string path(trim(paths[i]));
    if (path.empty() || !inside_project(path)) {
      problem(CsvColumn::media,
              "line " + std::to_string(i + 1) + ": " +
                  (path.empty() ? "no file named" : "\"" + path + "\" is outside the project"),
              "one file per line, relative to the project root (e.g. media/cat.jpg)");
      continue;
    }
    project::Media item{path, i < alts.size() ? alts[i] : "", project::Json::object()};
    // Keep what other tools stored on a file that stays.
    auto same = std::find_if(post.media.begin(), post.media.end(),
                             [&](const project::Media& m) { return m.path == path; });
    if (same != post.media.end()) {
      item.extra = same->extra;
    }
    media.push_back(std::move(item));
  }
  post.media = std::move(media);
}

void Importer::apply_at(Post& post) {
  if (!sets(CsvColumn::at)) {
    return;
  }
  std::string_view text = trim(value(CsvColumn::at));
  if (text.empty()) {
    post.at.reset();
    post.at_text.clear();
    return;
  }
  auto zone = m_project.zone_for(post);
  auto when = time::parse_when(text, m_now, zone);
  if (!when) {
    problem(CsvColumn::at, when.error().message, when.error().hint);
    return;
  }
  if (m_old != nullptr && m_old->at == *when) {
    post.at = m_old->at;  // the same instant written another way: keep the stored text
    post.at_text = m_old->at_text;
    return;
  }
  post.set_at(*when, zone);
}

// `post` has recorded what went out; moving it or changing where it goes would lie about that.
void Importer::guard_published(const Post& post) {
  if (m_old == nullptr || m_old->publish.empty()) {
    return;
  }
  const char* hint = "the post has publish records; leave the cell as exported, or plan a new post";
  if (post.at != m_old->at) {
    problem(CsvColumn::at, "cannot change the time of a post that has been sent", hint);
  }
  if (post.targets != m_old->targets) {
    problem(CsvColumn::targets, "cannot change the targets of a post that has been sent", hint);
  }
}

// Status, id and created for new posts, then the project's own checks.
void Importer::finish(Post& post) {
  if (m_old == nullptr || sets(CsvColumn::status)) {
    std::string status(trim(value(CsvColumn::status)));
    post.status = status.empty() ? (post.at ? "scheduled" : "queued") : status;
  }
  if (post.text.empty() && post.media.empty()) {
    problem(CsvColumn::text, "the post is empty", "give it some text or media");
    return;
  }
  if (m_old == nullptr) {
    auto zone = m_project.zone_for(post);
    post.created = time::format_rfc3339(m_created.next(), zone);
    if (post.id.empty()) {
      post.id = make_id(post.at.value_or(m_now), zone, post.text, [&](const std::string& id) {
        return m_taken.contains(id) ||
               std::filesystem::exists(m_project.root / project::Project::post_path(id));
      });
      m_taken.insert(post.id);
    }
  }
  for (const auto& p : project::validate_post(post, m_project)) {
    problem(column_for(p), p.message, p.hint);
  }
}

}  // namespace

Result<ImportPlan> plan_import(const project::Project& project, const csv::Table& table,
                               const std::string& file, time::Instant now) {
  ImportPlan plan;
  ColumnMap columns;
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < k_csv_columns.size(); ++i) {
    columns[i] = table.column(k_csv_columns[i]);
  }
  for (auto c : k_required_csv_columns) {
    if (!columns[static_cast<std::size_t>(c)]) {
      missing.push_back("\"" + std::string(column_name(c)) + "\"");
    }
  }
  if (!missing.empty()) {
    std::string list =
        missing.size() == 1 ? missing.front() : missing.front() + " and " + missing.back();
    return fail(ErrorKind::runtime,
                "missing column" + std::string(missing.size() == 1 ? " " : "s ") + list,
                "the first row names the columns: id, at, zone, status, targets, text, media, alt, "
                "tags, campaign, "
                "thread, first_comment (see `smm plan export`); nothing was imported",
                file);
  }
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const auto& name = table.header[i];
    bool known = std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c == i; });
    if (!name.empty() && !known) {
      plan.unknown_columns.push_back(name);
    }
  }
  Importer importer(project, columns, table.header.size(), file, now);
  importer.reserve(table.rows);
  plan.rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    plan.rows.push_back(importer.read(row));
  }
  return plan;
}

}  // namespace smm::plan
