// Test support for corpus tests: temporary trees, gzip files and tarballs built in place.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "manpages/corpus.h"

namespace corpus_fixture {

namespace fs = std::filesystem;

/// A fresh directory removed at scope exit.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "manaudit-corpus-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }

private:
    fs::path path_;
};

inline void write_file(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

inline std::string gzip(const std::string& bytes) {
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // +16: gzip wrapper
    std::string out(deflateBound(&zs, bytes.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

inline void write_gz(const fs::path& file, const std::string& bytes) { write_file(file, gzip(bytes)); }

inline void symlink(const std::string& target, const fs::path& link) {
    fs::create_directories(link.parent_path());
    fs::create_symlink(target, link);
}

/// A small but real man(7) page.
inline std::string page_text(const std::string& name, const std::string& section = "2") {
    return ".TH " + name + " " + section +
           " 2023-01-01 \"Linux man-pages 6.03\"\n"
           ".SH NAME\n" +
           name +
           " \\- do something\n"
           ".SH SYNOPSIS\n.nf\n.B int " +
           name +
           "(int fd);\n.fi\n"
           ".SH DESCRIPTION\nIt does something.\n";
}

/// One tarball entry: a regular file, a symlink when `symlink_target` is set,
/// or a hard link to another entry when `hardlink_target` is set.
struct TarEntry {
    std::string name;
    std::string content;
    std::string symlink_target;
    std::string hardlink_target = {};
};

/// Writes a tarball with `entries` exactly as named (even `../x`); the
/// compression follows the file name: .tar.gz or .tar.xz.
inline void write_tarball(const fs::path& file, const std::vector<TarEntry>& entries) {
    archive* a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    std::string name = file.string();
    if (name.ends_with(".xz"))
        archive_write_add_filter_xz(a);
    else if (name.ends_with(".gz"))
        archive_write_add_filter_gzip(a);
    if (archive_write_open_filename(a, name.c_str()) != ARCHIVE_OK) throw std::runtime_error(archive_error_string(a));
    for (const auto& e : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.c_str());
        if (!e.hardlink_target.empty()) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, e.hardlink_target.c_str());
            archive_entry_set_size(entry, 0);
        } else if (e.symlink_target.empty()) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, static_cast<la_int64_t>(e.content.size()));
        } else {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, e.symlink_target.c_str());
        }
        archive_entry_set_perm(entry, 0644);
        archive_write_header(a, entry);
        if (!e.content.empty()) archive_write_data(a, e.content.data(), e.content.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
}

inline const manaudit::manpages::PageFile* find_page(const manaudit::manpages::Corpus& corpus,
                                                     const std::string& path) {
    auto it =
        std::find_if(corpus.pages.begin(), corpus.pages.end(), [&](const auto& page) { return page.path == path; });
    return it == corpus.pages.end() ? nullptr : &*it;
}

inline std::vector<std::string> page_paths(const manaudit::manpages::Corpus& corpus) {
    std::vector<std::string> paths;
    for (const auto& page : corpus.pages) paths.push_back(page.path);
    return paths;
}

/// The formatted diagnostics, one string each, for readable assertions.
inline std::vector<std::string> messages(const manaudit::manpages::Corpus& corpus) {
    std::vector<std::string> out;
    for (const auto& d : corpus.diagnostics) out.push_back(manaudit::format_diagnostic(d));
    return out;
}

}  // namespace corpus_fixture
