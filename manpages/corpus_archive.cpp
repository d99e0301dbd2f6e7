// Release tarballs read in memory with libarchive: page entries, symlinks and hard links.
#include "manpages/corpus_archive.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "manpages/libarchive_api.h"

namespace manaudit::manpages::detail {

namespace {

// libarchive may have no message for a failure (a stream that is not an
// archive at all): NULL then, which must not reach fmt.
std::string archive_problem(const Libarchive& lib, archive* a) {
    const char* message = lib.archive_error_string(a);
    return message ? message : "not a tar archive, or a damaged one";
}


/// One stored entry, keyed by its path relative to the top folder.
struct ArchivedFile {
    std::string raw;          ///< bytes as stored (maybe gzip)
    std::string link_target;  ///< a symlink's or hard link's target, relative to the root
    std::string absolute_target;  ///< a symlink's target when it is absolute (never followed)
    bool is_link = false;
};

struct TarballTree : PageTree {
    TarballTree(std::string tarball, std::size_t max_bytes) : tarball_(std::move(tarball)), max_bytes_(max_bytes) {}

    std::vector<std::string> selected_paths() const override { return selected_; }

    TreeEntry load(const std::string& path) override {
        auto it = files_.find(path);
        if (it == files_.end()) it = files_.find(path + ".gz");
        if (it == files_.end()) return TreeEntry{};
        TreeEntry e;
        e.origin = tarball_ + ":" + it->first;
        if (!it->second.absolute_target.empty()) {
            e.kind = TreeEntry::Kind::unreadable;
            e.problem = Diagnostic{e.origin, 0, 0, Severity::error,
                                   fmt::format("symlink target '{}' is absolute: an archive's links must be "
                                               "relative to stay inside it",
                                               it->second.absolute_target)};
            return e;
        }
        if (it->second.is_link) {
            e.kind = TreeEntry::Kind::link;
            e.link_target = strip_gz(it->second.link_target);
            return e;
        }
        auto decoded = decode_page(it->second.raw, e.origin, max_bytes_);
        if (decoded.problem) {
            e.kind = TreeEntry::Kind::unreadable;
            e.problem = std::move(*decoded.problem);
        } else {
            e.kind = TreeEntry::Kind::page;
            e.source = std::move(decoded.text);
        }
        return e;
    }

    std::string tarball_;
    std::size_t max_bytes_;
    std::map<std::string, ArchivedFile> files_;
    std::vector<std::string> selected_;
};

/// Entry names as read, before the top folder is known.
struct RawEntry {
    std::string name;  ///< normalized, relative to the archive root
    ArchivedFile file;
};

std::string first_component(const std::string& path) { return path.substr(0, path.find('/')); }

std::string after_first_component(const std::string& path) {
    auto slash = path.find('/');
    return slash == std::string::npos ? std::string() : path.substr(slash + 1);
}

class ArchiveReader {
public:
    ArchiveReader(const std::string& tarball, const CorpusOptions& options, Corpus& out)
        : tarball_(tarball), options_(options), out_(out), unreadable_at_start_(out.unreadable) {}

    std::unique_ptr<PageTree> read() {
        auto tree = std::make_unique<TarballTree>(tarball_, options_.max_page_bytes);
        try {
            lib_ = &libarchive();
        } catch (const std::runtime_error& e) {
            error(fmt::format("cannot read archive: {}", e.what()));
            return tree;
        }
        archive* a = lib_->archive_read_new();
        lib_->archive_read_support_filter_all(a);
        // Tar only: the "all formats" set takes any text for an mtree archive
        // and an empty file for an empty archive, so a file that is not a
        // release would read as a clean, empty one.
        lib_->archive_read_support_format_tar(a);
        lib_->archive_read_support_format_gnutar(a);
        if (lib_->archive_read_open_filename(a, tarball_.c_str(), 1 << 16) != ARCHIVE_OK) {
            error(fmt::format("cannot open archive: {}", archive_problem(*lib_, a)));
            lib_->archive_read_free(a);
            return tree;
        }
        std::vector<RawEntry> entries;
        archive_entry* entry = nullptr;
        for (;;) {
            int rc = lib_->archive_read_next_header(a, &entry);
            if (rc == ARCHIVE_EOF) break;
            if (rc == ARCHIVE_FATAL) {
                error(fmt::format("cannot read archive: {}", archive_problem(*lib_, a)));
                break;
            }
            if (!take_entry(a, entry, entries)) break;
        }
        lib_->archive_read_free(a);
        if (all_names_.empty() && out_.unreadable == unreadable_at_start_)
            error("the archive holds no entries (empty, or not a tar archive)");
        place(entries, *tree);
        return tree;
    }

private:
    void error(std::string message, const std::string& file = {}) {
        out_.diagnostics.push_back(Diagnostic{file.empty() ? tarball_ : file, 0, 0, Severity::error, std::move(message)});
        ++out_.unreadable;
    }

    /// Records one entry; false when the archive cannot be read further.
    bool take_entry(archive* a, archive_entry* entry, std::vector<RawEntry>& entries) {
        const char* pathname = lib_->archive_entry_pathname(entry);
        std::string raw_name = pathname ? pathname : "";
        auto name = normalize_relative(raw_name);
        if (!name) {
            // Never follow such a name: it would point outside wherever the release is read.
            if (raw_name != "." && raw_name != "./")
                error(fmt::format("unsafe entry name '{}': absolute or climbing out of the archive", raw_name));
            return true;
        }
        all_names_.push_back(*name);
        auto type = lib_->archive_entry_filetype(entry);
        const char* hardlink = lib_->archive_entry_hardlink(entry);
        if (page_section(strip_gz(*name)).empty()) return true;  // not a page: not kept
        RawEntry stored{*name, {}};
        if (hardlink) {
            auto target = normalize_relative(hardlink);
            if (!target) {
                error(fmt::format("unsafe hard link target '{}'", hardlink), tarball_ + ":" + *name);
                return true;
            }
            stored.file.is_link = true;
            stored.file.link_target = *target;  // relative to the archive root; the top folder is cut later
        } else if (type == AE_IFLNK) {
            const char* symlink = lib_->archive_entry_symlink(entry);
            if (symlink && symlink[0] == '/') {
                // Reported when something leads to it: a release may hold such
                // links outside the sections read.
                stored.file.is_link = true;
                stored.file.absolute_target = symlink;
                entries.push_back(std::move(stored));
                return true;
            }
            auto target = normalize_relative(join_path(dir_of(*name), symlink ? symlink : ""));
            if (!target) {
                error(fmt::format("symlink target '{}' is outside the archive", symlink ? symlink : ""),
                      tarball_ + ":" + *name);
                return true;
            }
            stored.file.is_link = true;
            stored.file.link_target = *target;
        } else if (type == AE_IFREG) {
            switch (read_data(a, *name, stored.file.raw)) {
                case Read::ok:
                    break;
                case Read::skip:
                    return true;
                case Read::stop:
                    return false;
            }
        } else {
            return true;
        }
        entries.push_back(std::move(stored));
        return true;
    }

    enum class Read { ok, skip, stop };

    /// Reads one entry's bytes; a damaged or oversized entry is reported and skipped.
    Read read_data(archive* a, const std::string& name, std::string& raw) {
        char buffer[65536];
        for (;;) {
            la_ssize_t n = lib_->archive_read_data(a, buffer, sizeof buffer);
            if (n == 0) return Read::ok;
            if (n < 0) {
                error(fmt::format("cannot read entry: {}", archive_problem(*lib_, a)), tarball_ + ":" + name);
                return n == ARCHIVE_FATAL ? Read::stop : Read::skip;
            }
            raw.append(buffer, static_cast<std::size_t>(n));
            if (raw.size() > options_.max_page_bytes) {
                error(fmt::format("entry is larger than {} MiB", options_.max_page_bytes >> 20), tarball_ + ":" + name);
                return Read::skip;
            }
        }
    }

    /// Cuts the common top folder ("man-pages-6.03/") and picks the selected pages.
    void place(std::vector<RawEntry>& entries, TarballTree& tree) {
        std::string top = all_names_.empty() ? std::string() : first_component(all_names_.front());
        bool has_top = !top.empty() && !is_section_dir(top);  // a bare man2/ tarball keeps its folder
        for (auto& name : all_names_)
            if (first_component(name) != top) has_top = false;
        for (auto& e : entries) {
            std::string path = has_top ? after_first_component(e.name) : e.name;
            if (path.empty()) continue;
            if (e.file.is_link && has_top) {
                // Link targets were made relative to the archive root; one leaving the top folder stays unresolved.
                e.file.link_target = first_component(e.file.link_target) == top
                                         ? after_first_component(e.file.link_target)
                                         : "../" + e.file.link_target;
            }
            std::string page = strip_gz(path);
            std::string folder = dir_of(page);
            std::string last = folder.substr(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
            if ((folder.empty() || is_section_dir(last)) && section_selected(page_section(page), options_))
                tree.selected_.push_back(page);
            // tar extracts entries in order, so a later entry of the same name wins.
            auto [it, added] = tree.files_.try_emplace(path);
            if (!added)
                out_.diagnostics.push_back(Diagnostic{tarball_ + ":" + e.name, 0, 0, Severity::warning,
                                                      "duplicate entry: this later one replaces the earlier, as tar "
                                                      "would extract it"});
            it->second = std::move(e.file);
        }
        std::sort(tree.selected_.begin(), tree.selected_.end());
        tree.selected_.erase(std::unique(tree.selected_.begin(), tree.selected_.end()), tree.selected_.end());
    }

    const std::string& tarball_;
    const CorpusOptions& options_;
    Corpus& out_;
    std::vector<std::string> all_names_;
    int unreadable_at_start_;
    const Libarchive* lib_ = nullptr;  ///< set by read() once libarchive is loaded
};

}  // namespace

bool is_tarball_name(const std::string& name) {
    for (const char* suffix : {".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst"}) {
        std::string_view s(suffix);
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) return true;
    }
    return false;
}

std::unique_ptr<PageTree> open_tarball_tree(const std::string& tarball, const CorpusOptions& options, Corpus& out) {
    return ArchiveReader(tarball, options, out).read();
}

}  // namespace manaudit::manpages::detail
