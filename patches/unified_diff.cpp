// Diffs come from libgit2, whose xdiff engine is git's own: hunks and the
// index line are what git format-patch would write for the same change.
#include "patches/unified_diff.h"

#include <cstdint>
#include <memory>
#include <stdexcept>

#include "patches/libgit2_api.h"

namespace manaudit::patches {

namespace {

[[noreturn]] void throw_libgit2_error(const char* what) {
    const git_error* error = libgit2().git_error_last();
    throw std::runtime_error(std::string(what) + ": " +
                             (error && error->message ? error->message : "libgit2 failed"));
}

}  // namespace

std::string git_blob_id(std::string_view data) {
    const Libgit2& git = libgit2();
    git_oid id;
    if (git.git_odb_hash(&id, data.data(), data.size(), GIT_OBJECT_BLOB) < 0) throw_libgit2_error("hashing a blob");
    char hex[GIT_OID_HEXSZ + 1];
    return git.git_oid_tostr(hex, sizeof hex, &id);
}

FileDiff unified_diff(const std::string& path, const std::string& old_text,
                      const std::string& new_text, int context) {
    FileDiff result;
    if (old_text == new_text) return result;
    const Libgit2& git = libgit2();

    git_diff_options options;
    git.git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.context_lines = std::uint32_t(context);
    options.id_abbrev = 12;
    // A Latin-1 or otherwise odd page is still a text diff, never "Binary files differ".
    options.flags |= GIT_DIFF_FORCE_TEXT;

    git_patch* raw = nullptr;
    if (git.git_patch_from_buffers(&raw, old_text.data(), old_text.size(), path.c_str(), new_text.data(),
                               new_text.size(), path.c_str(), &options) < 0)
        throw_libgit2_error(("diffing " + path).c_str());
    std::unique_ptr<git_patch, decltype(git.git_patch_free)> patch(raw, git.git_patch_free);

    git_buf text{};
    if (git.git_patch_to_buf(&text, patch.get()) < 0) throw_libgit2_error("printing a diff");
    result.text.assign(text.ptr, text.size);
    git.git_buf_dispose(&text);

    std::size_t context_lines = 0, insertions = 0, deletions = 0;
    if (git.git_patch_line_stats(&context_lines, &insertions, &deletions, patch.get()) < 0) throw_libgit2_error("counting a diff");
    result.insertions = int(insertions);
    result.deletions = int(deletions);
    return result;
}

}  // namespace manaudit::patches
