// read_corpus: dispatches each input to its tree reader, then merges and sorts the pages.
#include "manpages/corpus.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "manpages/corpus_archive.h"
#include "manpages/corpus_disk.h"
#include "manpages/corpus_tree.h"

namespace manaudit::manpages {

namespace fs = std::filesystem;

namespace {

/// A tree or archive with none of the pages asked for is not what it claims
/// to be (an empty folder, the wrong folder, a tarball of something else):
/// an input that could not be read, not an empty and clean audit.
void report_without_pages(const std::string& input, const detail::PageTree& tree, const CorpusOptions& options,
                          Corpus& out) {
    auto paths = tree.selected_paths();
    bool any_section2 = std::any_of(paths.begin(), paths.end(),
                                    [](const std::string& path) { return detail::page_section(path).starts_with('2'); });
    std::string message;
    if (paths.empty())
        message = options.section2 ? "no section 2 pages found (not a man page tree or release?)"
                                   : "no 3type pages found (not a man page tree or release?)";
    else if (options.section2 && !any_section2)
        message = "no section 2 pages found, only other sections";
    if (message.empty()) return;
    out.diagnostics.push_back(Diagnostic{input, 0, 0, Severity::error, std::move(message)});
    ++out.unreadable;
}

void read_input(const std::string& input, const CorpusOptions& options, detail::FolderPaths& folders, Corpus& out) {
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
        // A dangling symlink given by name is still an alias to report, not a missing input.
        if (fs::is_symlink(fs::symlink_status(input, ec))) {
            auto tree = detail::open_file_tree(input, options, folders);
            detail::resolve_tree(*tree, out);
            return;
        }
        out.diagnostics.push_back(Diagnostic{input, 0, 0, Severity::error, "no such file or directory"});
        ++out.unreadable;
        return;
    }
    std::unique_ptr<detail::PageTree> tree;
    if (fs::is_directory(status)) {
        tree = detail::open_directory_tree(input, options, folders);
        report_without_pages(input, *tree, options, out);
    } else if (detail::is_tarball_name(input)) {
        int unreadable_before = out.unreadable;
        tree = detail::open_tarball_tree(input, options, out);
        // An archive that could not be read at all was reported already.
        if (out.unreadable == unreadable_before) report_without_pages(input, *tree, options, out);
    } else {
        tree = detail::open_file_tree(input, options, folders);
    }
    detail::resolve_tree(*tree, out);
}

/// The same page read through several inputs (open.2 and its alias creat.2) is one page.
void merge_and_sort(std::vector<PageFile>& pages) {
    std::stable_sort(pages.begin(), pages.end(), [](const PageFile& a, const PageFile& b) {
        return std::tie(a.path, a.origin) < std::tie(b.path, b.origin);
    });
    std::vector<PageFile> merged;
    for (auto& page : pages) {
        if (!merged.empty() && merged.back().path == page.path && merged.back().origin == page.origin) {
            auto& into = merged.back();
            into.aliases.insert(into.aliases.end(), page.aliases.begin(), page.aliases.end());
            into.reached_by_alias = into.reached_by_alias && page.reached_by_alias;
            continue;
        }
        merged.push_back(std::move(page));
    }
    for (auto& page : merged) {
        std::sort(page.aliases.begin(), page.aliases.end());
        page.aliases.erase(std::unique(page.aliases.begin(), page.aliases.end()), page.aliases.end());
    }
    pages = std::move(merged);
}

}  // namespace

Corpus read_corpus(const std::vector<std::string>& inputs, const CorpusOptions& options) {
    Corpus corpus;
    detail::FolderPaths folders;
    for (const auto& input : inputs) read_input(input, options, folders, corpus);
    merge_and_sort(corpus.pages);
    return corpus;
}

std::string tree_root_of(const std::string& input) {
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status) || detail::is_tarball_name(input)) return {};
    fs::path dir = fs::is_directory(status) ? fs::path(input) : fs::path(input).parent_path();
    if (dir.empty()) dir = ".";
    return detail::find_tree_root(dir).string();
}

std::string installed_release_root() { return "/usr/share/man"; }

}  // namespace manaudit::manpages
