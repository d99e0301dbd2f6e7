// In-place application: verify every page, then replace each by rename.
#include "patches/apply.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

#include <fcntl.h>

#include <sys/stat.h>
#include <unistd.h>

namespace manaudit::patches {

namespace fs = std::filesystem;

namespace {

bool read_bytes(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool inside(const fs::path& root, const fs::path& p) {
    auto r = root.begin();
    auto q = p.begin();
    for (; r != root.end(); ++r, ++q)
        if (q == p.end() || *r != *q) return false;
    return true;
}

// Writes `content` to a new file beside `target`; returns its path, empty on failure.
std::string write_temp_beside(const fs::path& target, const std::string& content, mode_t mode) {
    std::string pattern = (target.parent_path() / ("." + target.filename().string() + ".manaudit-XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return {};
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += std::size_t(n);
    }
    bool ok = done == content.size() && fchmod(fd, mode) == 0 && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok) {
        unlink(pattern.c_str());
        return {};
    }
    return pattern;
}

constexpr const char* kJournalHeader = "manaudit apply journal 1";
constexpr const char* kTempMarker = ".manaudit-";

// `.NAME.manaudit-XXXXXX`: what write_temp_beside creates.
bool is_apply_temporary(const std::string& name) {
    std::size_t at = name.rfind(kTempMarker);
    return name.size() > 1 && name[0] == '.' && at != std::string::npos && at > 0 &&
           name.size() == at + std::strlen(kTempMarker) + 6;
}

void sync_directory(const fs::path& dir) {
    int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}

struct JournalEntry {
    std::string temp;    // relative to the tree
    std::string target;  // relative to the tree
};

// Nullopt if the journal is torn or names a path outside the tree.
std::optional<std::vector<JournalEntry>> read_journal(const fs::path& path) {
    std::string text;
    if (!read_bytes(path, text)) return std::nullopt;
    std::vector<JournalEntry> entries;
    std::size_t at = 0;
    bool header = false, end = false;
    while (at < text.size() && !end) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) return std::nullopt;
        std::string line = text.substr(at, nl - at);
        at = nl + 1;
        if (!header) {
            if (line != kJournalHeader) return std::nullopt;
            header = true;
        } else if (line == "end") {
            end = true;
        } else {
            std::size_t tab = line.find('\t');
            if (tab == std::string::npos) return std::nullopt;
            JournalEntry e{line.substr(0, tab), line.substr(tab + 1)};
            if (!is_safe_relative_path(e.temp) || !is_safe_relative_path(e.target)) return std::nullopt;
            entries.push_back(std::move(e));
        }
    }
    if (!end) return std::nullopt;
    return entries;
}

std::size_t remove_temporaries(const fs::path& root) {
    std::size_t removed = 0;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec) && !it->is_symlink(ec) && name.starts_with(".")) {
            it.disable_recursion_pending();  // .git and the like
            continue;
        }
        if (it->is_regular_file(ec) && !it->is_symlink(ec) && is_apply_temporary(name) &&
            fs::remove(it->path(), ec))
            ++removed;
    }
    return removed;
}

}  // namespace

ApplyRecovery recover_interrupted_apply(const std::string& tree, Diagnostics& diags) {
    ApplyRecovery result;
    std::error_code ec;
    fs::path root = fs::canonical(tree, ec);
    if (ec || !fs::is_directory(root, ec)) return result;
    const fs::path journal = root / kApplyJournalName;
    if (fs::exists(journal, ec)) {
        // The journal exists only once every new page was written: finish the renames.
        auto entries = read_journal(journal);
        if (!entries) {
            diags.push_back({journal.string(), 0, 0, Severity::warning,
                             "unreadable journal of an interrupted apply; its changes are discarded"});
        } else {
            for (const auto& e : *entries) {
                fs::path temp = root / e.temp;
                if (!fs::exists(temp, ec)) continue;  // renamed before the interruption
                if (std::rename(temp.c_str(), (root / e.target).c_str()) != 0) {
                    diags.push_back({(root / e.target).string(), 0, 0, Severity::error,
                                     std::string("cannot complete the interrupted apply: ") + std::strerror(errno)});
                    result.ok = false;
                    return result;  // the journal stays, so the next run tries again
                }
                ++result.pages_completed;
            }
            for (const auto& e : *entries) sync_directory((root / e.target).parent_path());
        }
        fs::remove(journal, ec);
        sync_directory(root);
    }
    result.temporaries_removed = remove_temporaries(root);
    return result;
}

bool apply_plans(const std::vector<PagePlan>& plans, const std::string& tree, Diagnostics& diags,
                 std::size_t stop_after_renames) {
    std::error_code ec;
    fs::path root = fs::canonical(tree, ec);
    if (ec || !fs::is_directory(root)) {
        diags.push_back({tree, 0, 0, Severity::error, "not a directory: cannot apply patches to it"});
        return false;
    }
    if (!recover_interrupted_apply(tree, diags).ok) return false;
    bool ok = true;
    std::vector<fs::path> targets;
    for (const auto& plan : plans) {
        fs::path target = root / plan.path;
        std::string where = (fs::path(tree) / plan.path).string();
        auto refuse = [&](const std::string& why) {
            diags.push_back({where, 0, 0, Severity::error, why + "; not applied"});
            ok = false;
        };
        if (!is_safe_relative_path(plan.path) || plan.path.find_first_of("\t\n") != std::string::npos) {
            refuse("the page path would write outside the tree");
            continue;
        }
        if (fs::is_symlink(target, ec)) {
            refuse("the page is a symbolic link");
            continue;
        }
        fs::path real = fs::weakly_canonical(target, ec);
        if (ec || !inside(root, real)) {
            refuse("the page path leads outside the tree");
            continue;
        }
        if (!fs::exists(target, ec) && (plan.path.ends_with(".gz") || fs::exists(fs::path(target.string() + ".gz"), ec))) {
            refuse("the page is compressed (.gz), and --apply changes plain-text pages only: "
                   "decompress the tree first, or apply the patch series with git am");
            continue;
        }
        std::string current;
        if (!read_bytes(target, current)) {
            refuse("cannot read the page");
            continue;
        }
        if (current != plan.original) {
            refuse("the page has changed since it was audited");
            continue;
        }
        targets.push_back(target);
    }
    if (!ok) return false;

    // Every replacement is written before any is renamed, so a failure while
    // writing leaves the tree as it was.
    std::vector<std::string> temps;
    auto discard = [&] {
        for (const auto& t : temps) unlink(t.c_str());
    };
    for (std::size_t i = 0; i < plans.size(); ++i) {
        struct stat st{};
        mode_t mode = ::stat(targets[i].c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
        std::string temp = write_temp_beside(targets[i], plans[i].patched, mode);
        if (temp.empty()) {
            diags.push_back({targets[i].string(), 0, 0, Severity::error,
                             std::string("cannot write a temporary file beside the page: ") + std::strerror(errno)});
            discard();
            return false;
        }
        temps.push_back(temp);
    }

    // The commit point: once the journal is in place, a rerun completes the change.
    std::string journal_text = std::string(kJournalHeader) + "\n";
    for (std::size_t i = 0; i < plans.size(); ++i)
        journal_text += fs::path(temps[i]).lexically_relative(root).string() + "\t" + plans[i].path + "\n";
    journal_text += "end\n";
    const fs::path journal = root / kApplyJournalName;
    std::string journal_temp = write_temp_beside(journal, journal_text, 0644);
    if (journal_temp.empty() || std::rename(journal_temp.c_str(), journal.c_str()) != 0) {
        diags.push_back({journal.string(), 0, 0, Severity::error,
                         std::string("cannot write the apply journal: ") + std::strerror(errno)});
        if (!journal_temp.empty()) unlink(journal_temp.c_str());
        discard();
        return false;
    }
    sync_directory(root);

    for (std::size_t i = 0; i < plans.size(); ++i) {
        if (i == stop_after_renames) return false;
        if (std::rename(temps[i].c_str(), targets[i].c_str()) != 0) {
            diags.push_back({targets[i].string(), 0, 0, Severity::error,
                             std::string("cannot replace the page: ") + std::strerror(errno) +
                                 "; run the command again to complete the change"});
            return false;
        }
    }
    for (const auto& t : targets) sync_directory(t.parent_path());
    fs::remove(journal, ec);
    sync_directory(root);
    return true;
}

}  // namespace manaudit::patches
