// Page trees on disk: listing the pages to take, reading files and symlinks.
#include "manpages/corpus_disk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace manaudit::manpages::detail {

namespace fs = std::filesystem;

namespace {

class DiskTree : public PageTree {
public:
    DiskTree(fs::path root, std::vector<std::string> selected, std::size_t max_bytes)
        : root_(std::move(root)), selected_(std::move(selected)), max_bytes_(max_bytes) {
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
            if (fs::is_symlink(status)) return load_link(file, name);
            if (!fs::is_regular_file(status)) return unreadable(file, "not a regular file");
            return load_file(file);
        }
        return TreeEntry{};
    }

private:
    TreeEntry unreadable(const fs::path& file, std::string message) const {
        TreeEntry e;
        e.kind = TreeEntry::Kind::unreadable;
        e.origin = file.string();
        e.problem = Diagnostic{e.origin, 0, 0, Level::error, std::move(message)};
        return e;
    }

    TreeEntry load_link(const fs::path& file, const std::string& name) const {
        std::error_code ec;
        fs::path target = fs::read_symlink(file, ec);
        if (ec) return unreadable(file, "cannot read symlink: " + ec.message());
        std::optional<std::string> relative;
        if (target.is_absolute()) {
            // An absolute link may still point inside the tree, under another spelling of the root.
            fs::path inside = fs::weakly_canonical(target, ec).lexically_relative(fs::weakly_canonical(root_, ec));
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
        std::ifstream in(file, std::ios::binary);
        std::string raw(size, '\0');
        if (!in || !in.read(raw.data(), static_cast<std::streamsize>(size)))
            return unreadable(file, fmt::format("cannot read: {}", std::strerror(errno)));
        TreeEntry e;
        e.origin = file.string();
        auto decoded = decode_page(std::move(raw), e.origin, max_bytes_);
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
    std::vector<std::string> selected_;
    std::size_t max_bytes_;
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

/// Section folders (man2, man3type, ...) directly in `dir`.
std::vector<std::string> section_dirs(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        auto name = it->path().filename().string();
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

}  // namespace

std::unique_ptr<PageTree> open_directory_tree(const fs::path& given, const CorpusOptions& options) {
    fs::path dir = without_trailing_slash(given);
    std::vector<std::string> selected;
    std::string name = dir.filename().string();
    if (is_section_dir(name)) {
        list_pages(dir, name, options, selected);
        return std::make_unique<DiskTree>(parent_or_dot(dir), std::move(selected), options.max_page_bytes);
    }
    // Debian and 6.03 keep section folders at the root; newer checkouts under man/.
    bool any_section_dir = false;
    for (const std::string& base : {std::string(), std::string("man")}) {
        for (auto& section_dir : section_dirs(base.empty() ? dir : dir / base)) {
            any_section_dir = true;
            // Only man2* and man3* folders can hold section 2 or 3type pages; the others are not listed.
            bool may_hold =
                (section_dir[3] == '2' && options.section2) || (section_dir[3] == '3' && options.section3type);
            if (may_hold) list_pages(dir / base / section_dir, join_path(base, section_dir), options, selected);
        }
    }
    if (!any_section_dir) list_pages(dir, "", options, selected);
    return std::make_unique<DiskTree>(dir, std::move(selected), options.max_page_bytes);
}

std::unique_ptr<PageTree> open_file_tree(const fs::path& file, const CorpusOptions& options) {
    fs::path parent = parent_or_dot(file);
    std::string name = strip_gz(file.filename().string());
    std::string folder = fs::path(without_trailing_slash(parent)).filename().string();
    if (is_section_dir(folder))
        return std::make_unique<DiskTree>(parent_or_dot(without_trailing_slash(parent)),
                                          std::vector<std::string>{join_path(folder, name)}, options.max_page_bytes);
    return std::make_unique<DiskTree>(parent, std::vector<std::string>{name}, options.max_page_bytes);
}

}  // namespace manaudit::manpages::detail
