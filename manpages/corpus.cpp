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

void read_input(const std::string& input, const CorpusOptions& options, Corpus& out) {
    std::error_code ec;
    auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
        // A dangling symlink given by name is still an alias to report, not a missing input.
        if (fs::is_symlink(fs::symlink_status(input, ec))) {
            auto tree = detail::open_file_tree(input, options);
            detail::resolve_tree(*tree, out);
            return;
        }
        out.diagnostics.push_back(Diagnostic{input, 0, 0, Level::error, "no such file or directory"});
        ++out.unreadable;
        return;
    }
    std::unique_ptr<detail::PageTree> tree;
    if (fs::is_directory(status)) {
        tree = detail::open_directory_tree(input, options);
        if (tree->selected_paths().empty())
            out.diagnostics.push_back(Diagnostic{input, 0, 0, Level::warning, "no section 2 or 3type pages found"});
    } else if (detail::is_tarball_name(input)) {
        tree = detail::open_tarball_tree(input, options, out);
    } else {
        tree = detail::open_file_tree(input, options);
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
    for (const auto& input : inputs) read_input(input, options, corpus);
    merge_and_sort(corpus.pages);
    return corpus;
}

std::string installed_release_root() { return "/usr/share/man"; }

}  // namespace manaudit::manpages
