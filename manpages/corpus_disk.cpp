// Page trees on disk: listing the pages to take, reading files and symlinks.
#include "manpages/corpus_disk.h"

#include <algorithm>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "base/output_file.h"

namespace manaudit::manpages::detail {

namespace fs = std::filesystem;

namespace {

class DiskTree : public PageTree {
public:
    DiskTree(fs::path root, std::vector<std::string> selected, std::size_t max_bytes, FolderPaths& folders)
        : root_(std::move(root)), selected_(std::move(selected)), max_bytes_(max_bytes), folders_(folders) {
        std::error_code ec;
        real_root_ = folders_.real(root_, ec);
        if (ec) real_root_ = fs::absolute(root_, ec).lexically_normal();
        std::sort(selected_.begin(), selected_.end());
        selected_.erase(std::unique(selected_.begin(), selected_.end()), selected_.end());
    }

    std::vector<std::string> selected_paths() const override { return selected_; }

    TreeEntry load(const std::string& path) override {
        // A page is stored as path or path.gz; take the first that exists.
        for (const std::string& name : {path, path + ".gz"}) {
            fs::path file = root_ / name;
            std::error_code ec;
            auto status = fs::symlink_status(file, ec);
            if (ec || !fs::exists(status)) continue;
            // The real path decides: a page seen through a symlinked file or
            // folder is an alias of the page at its real path, and a real path
            // outside the tree is never read.
            // A file that is no symlink is where its folder really is.
            fs::path real = fs::is_symlink(status) ? fs::canonical(file, ec)
                                                   : folders_.real(file.parent_path(), ec) / file.filename();
            if (ec) {
                if (fs::is_symlink(status)) return load_link(file, name);
                return unreadable(file, "cannot resolve: " + ec.message());
            }
            auto inside = inside_root(real);
            if (!inside)
                return unreadable(file, fmt::format("resolves to {}, outside the tree {}", real.string(),
                                                    real_root_.string()));
            // A page symlink is followed one step, so an alias chain keeps its
            // steps (man2/x.2 -> ../man3/x.3 -> y.3); what lies outside is refused above.
            if (fs::is_symlink(status)) return load_link(file, name);
            if (*inside != name) {
                TreeEntry e;
                e.kind = TreeEntry::Kind::link;
                e.origin = file.string();
                e.link_target = strip_gz(*inside);
                return e;
            }
            if (!fs::is_regular_file(status)) return unreadable(file, "not a regular file");
            return load_file(file);
        }
        return TreeEntry{};
    }

private:
    /// `real` relative to the tree's real root, or nothing when it lies outside.
    std::optional<std::string> inside_root(const fs::path& real) const {
        fs::path relative = real.lexically_relative(real_root_);
        if (relative.empty()) return std::nullopt;
        return normalize_relative(relative.generic_string());
    }

    TreeEntry unreadable(const fs::path& file, std::string message) const {
        TreeEntry e;
        e.kind = TreeEntry::Kind::unreadable;
        e.origin = file.string();
        e.problem = Diagnostic{e.origin, 0, 0, Severity::error, std::move(message)};
        return e;
    }

    TreeEntry load_link(const fs::path& file, const std::string& name) const {
        std::error_code ec;
        fs::path target = fs::read_symlink(file, ec);
        if (ec) return unreadable(file, "cannot read symlink: " + ec.message());
        std::optional<std::string> relative;
        if (target.is_absolute()) {
            // An absolute link may still point inside the tree, under another spelling of the root.
            fs::path inside = fs::weakly_canonical(target, ec).lexically_relative(real_root_);
            if (!ec && !inside.empty()) relative = normalize_relative(inside.generic_string());
        } else {
            relative = normalize_relative(join_path(dir_of(name), target.generic_string()));
        }
        if (!relative) return unreadable(file, fmt::format("symlink target {} is outside the tree", target.string()));
        TreeEntry e;
        e.kind = TreeEntry::Kind::link;
        e.origin = file.string();
        e.link_target = strip_gz(*relative);
        return e;
    }

    TreeEntry load_file(const fs::path& file) const {
        std::error_code ec;
        auto size = fs::file_size(file, ec);
        if (ec) return unreadable(file, "cannot read: " + ec.message());
        if (size > max_bytes_) return unreadable(file, fmt::format("file is larger than {} MiB", max_bytes_ >> 20));
        // One read into a buffer of the file's size: a stream per page would
        // cost more than reading it.
        std::string error;
        std::optional<std::string> bytes = read_text_file(file.string(), error);
        if (!bytes) return unreadable(file, fmt::format("cannot read: {}", error));
        TreeEntry e;
        e.origin = file.string();
        auto decoded = decode_page(std::move(*bytes), e.origin, max_bytes_);
        if (decoded.problem) {
            e.kind = TreeEntry::Kind::unreadable;
            e.problem = std::move(*decoded.problem);
            return e;
        }
        e.kind = TreeEntry::Kind::page;
        e.source = std::move(decoded.text);
        return e;
    }

    fs::path root_;
    fs::path real_root_;
    std::vector<std::string> selected_;
    std::size_t max_bytes_;
    FolderPaths& folders_;
};

/// The selected pages in one folder, as paths relative to the root (`prefix` is the folder's).
void list_pages(const fs::path& dir, const std::string& prefix, const CorpusOptions& options,
                std::vector<std::string>& out) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = strip_gz(it->path().filename().string());
        if (name.starts_with('.')) continue;
        auto section = page_section(name);
        if (section.empty() || !section_selected(section, options)) continue;
        if (!it->is_symlink(ec) && it->is_directory(ec)) continue;  // a link to a folder is reported when read
        out.push_back(join_path(prefix, name));
    }
}

/// Section folders (man2, man3type, ...) directly in `dir`. A symlinked
/// folder is an alias (today's compat links man2 -> man/man2) or leads out of
/// the tree: its pages are read under their real paths or not at all.
std::vector<std::string> section_dirs(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        auto name = it->path().filename().string();
        std::error_code link_ec;
        if (it->is_symlink(link_ec)) continue;
        if (is_section_dir(name) && it->is_directory(ec)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// "a/b/" -> "a/b"; a bare name's parent is ".".
fs::path parent_or_dot(const fs::path& p) {
    auto parent = p.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

fs::path without_trailing_slash(const fs::path& p) {
    std::string s = p.string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

/// Whether `dir` is a man-pages checkout that keeps its pages under man/:
/// a git top level, the project's build files, or a compat link into man/.
bool holds_man_folder_layout(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir / "man", ec)) return false;
    if (fs::exists(fs::symlink_status(dir / ".git", ec)) || fs::is_directory(dir / "share" / "mk", ec)) return true;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code link_ec;
        if (!is_section_dir(it->path().filename().string()) || !it->is_symlink(link_ec)) continue;
        fs::path target = fs::read_symlink(it->path(), link_ec);
        if (!link_ec && (target == fs::path("man") / it->path().filename() ||
                         target == fs::path("man") / it->path().filename() / "")) return true;
    }
    return false;
}

}  // namespace

fs::path find_tree_root(const fs::path& dir) {
    std::error_code ec;
    fs::path real = fs::canonical(dir, ec);
    if (ec) return without_trailing_slash(dir);
    fs::path root = real;
    if (is_section_dir(root.filename().string())) root = root.parent_path();
    if (root.filename() == "man" && holds_man_folder_layout(root.parent_path())) root = root.parent_path();
    return root;
}

namespace {

/// `dir` relative to `root` ("man/man2"), both real paths.
std::string relative_folder(const fs::path& dir, const fs::path& root) {
    auto relative = normalize_relative(dir.lexically_relative(root).generic_string());
    return relative ? *relative : std::string();
}

}  // namespace

fs::path FolderPaths::real(const fs::path& dir, std::error_code& ec) {
    auto [it, added] = real_.try_emplace(dir.string());
    if (added) it->second.first = fs::canonical(dir, it->second.second);
    ec = it->second.second;
    return it->second.first;
}

fs::path FolderPaths::tree_root(const fs::path& dir) {
    auto [it, added] = roots_.try_emplace(dir.string());
    if (added) it->second = find_tree_root(dir);
    return it->second;
}

std::unique_ptr<PageTree> open_directory_tree(const fs::path& given, const CorpusOptions& options,
                                              FolderPaths& folders) {
    // Whatever folder is given (the root, man/, man/man2, a compat link),
    // paths are relative to the tree's root and each page is read once.
    std::error_code ec;
    fs::path real = folders.real(given, ec);
    if (ec) real = without_trailing_slash(given);
    fs::path root = find_tree_root(real);
    std::vector<std::string> selected;
    if (is_section_dir(real.filename().string())) {
        list_pages(real, relative_folder(real, root), options, selected);
        return std::make_unique<DiskTree>(root, std::move(selected), options.max_page_bytes, folders);
    }
    // Debian and 6.03 keep section folders at the root; newer checkouts under man/.
    bool any_section_dir = false;
    for (const std::string& base : {std::string(), std::string("man")}) {
        fs::path folder = base.empty() ? root : root / base;
        for (auto& section_dir : section_dirs(folder)) {
            any_section_dir = true;
            // Only man2* and man3* folders can hold section 2 or 3type pages; the others are not listed.
            bool may_hold =
                (section_dir[3] == '2' && options.section2) || (section_dir[3] == '3' && options.section3type);
            if (may_hold) list_pages(folder / section_dir, join_path(base, section_dir), options, selected);
        }
    }
    if (!any_section_dir) list_pages(root, "", options, selected);
    return std::make_unique<DiskTree>(root, std::move(selected), options.max_page_bytes, folders);
}

std::unique_ptr<PageTree> open_file_tree(const fs::path& file, const CorpusOptions& options, FolderPaths& folders) {
    // The file itself may be an alias: only its folder is resolved.
    fs::path parent = parent_or_dot(file);
    std::error_code ec;
    fs::path real_parent = folders.real(parent, ec);
    if (ec) real_parent = without_trailing_slash(parent);
    std::string name = strip_gz(file.filename().string());
    fs::path root = is_section_dir(real_parent.filename().string()) ? folders.tree_root(real_parent) : real_parent;
    return std::make_unique<DiskTree>(root, std::vector<std::string>{join_path(relative_folder(real_parent, root), name)},
                                      options.max_page_bytes, folders);
}

}  // namespace manaudit::manpages::detail
