// In-place application: verify every page, then replace each by rename.
#include "patches/apply.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

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

}  // namespace

bool apply_plans(const std::vector<PagePlan>& plans, const std::string& tree, Diagnostics& diags) {
    std::error_code ec;
    fs::path root = fs::canonical(tree, ec);
    if (ec || !fs::is_directory(root)) {
        diags.push_back({tree, 0, 0, Level::error, "not a directory: cannot apply patches to it"});
        return false;
    }
    bool ok = true;
    std::vector<fs::path> targets;
    for (const auto& plan : plans) {
        fs::path target = root / plan.path;
        std::string where = (fs::path(tree) / plan.path).string();
        auto refuse = [&](const std::string& why) {
            diags.push_back({where, 0, 0, Level::error, why + "; not applied"});
            ok = false;
        };
        if (!is_safe_relative_path(plan.path)) {
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
    for (std::size_t i = 0; i < plans.size(); ++i) {
        struct stat st{};
        mode_t mode = ::stat(targets[i].c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
        std::string temp = write_temp_beside(targets[i], plans[i].patched, mode);
        if (temp.empty()) {
            diags.push_back({targets[i].string(), 0, 0, Level::error,
                             std::string("cannot write a temporary file beside the page: ") + std::strerror(errno)});
            for (const auto& t : temps) unlink(t.c_str());
            return false;
        }
        temps.push_back(temp);
    }
    for (std::size_t i = 0; i < plans.size(); ++i) {
        if (std::rename(temps[i].c_str(), targets[i].c_str()) != 0) {
            diags.push_back({targets[i].string(), 0, 0, Level::error,
                             std::string("cannot replace the page: ") + std::strerror(errno)});
            for (std::size_t j = i; j < temps.size(); ++j) unlink(temps[j].c_str());
            return false;
        }
    }
    return true;
}

}  // namespace manaudit::patches
