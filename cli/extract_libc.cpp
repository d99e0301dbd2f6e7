// Extracting C-library facts: read the pages, gather what they document, and
// probe each ABI's glibc headers for it.
#include "cli/extract_libc.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "arch-data/arch_table.h"
#include "arch-data/libc_store.h"
#include "audit/libc_view.h"
#include "cli/diagnostic_printer.h"
#include "manpages/corpus.h"
#include "manpages/page_builder.h"
#include "parsers/headers/libc_extractor.h"

namespace manaudit::cli {

namespace {

namespace fs = std::filesystem;

std::vector<manpages::Page> read_pages(const std::vector<std::string>& inputs, int jobs, bool& unreadable) {
    std::vector<std::string> sources = inputs;
    if (sources.empty()) sources.push_back(manpages::installed_release_root());
    manpages::Corpus corpus = manpages::read_corpus(sources);
    print_diagnostics(corpus.diagnostics);
    unreadable = corpus.unreadable > 0;
    std::vector<manpages::Page> pages(corpus.pages.size());
    std::atomic<std::size_t> next{0};
    auto build = [&] {
        Diagnostics ignored;  // page problems are the audit's to report
        for (std::size_t i = next++; i < corpus.pages.size(); i = next++)
            pages[i] = manpages::build_page(corpus.pages[i].path, std::move(corpus.pages[i].source), ignored);
    };
    {
        std::vector<std::jthread> workers;
        for (int j = 1; j < jobs; ++j) workers.emplace_back(build);
        build();
    }
    return pages;
}

}  // namespace

int run_libc_extract(const LibcExtractOptions& o) {
    if (o.output.empty()) {
        print_error("extract: --libc needs -o DIR (or -o FILE with --arch)");
        return 2;
    }
    std::vector<const archdata::ArchInfo*> arches;
    std::vector<headers::LibcSource> sources;
    if (!o.arch.empty()) {
        const archdata::ArchInfo* arch = archdata::find_arch_alias(o.arch);
        if (!arch) {
            print_error("extract: unknown arch id '" + o.arch + "'");
            return 2;
        }
        auto source = headers::default_libc_source(*arch);
        if (!source) {
            print_error("extract: no C library headers installed for " + std::string(arch->id));
            return 2;
        }
        arches.push_back(arch);
        sources.push_back(*source);
    } else {
        for (const archdata::ArchInfo& a : archdata::all_arches()) {
            if (auto source = headers::default_libc_source(a)) {
                arches.push_back(&a);
                sources.push_back(*source);
            } else {
                std::fprintf(stderr, "manaudit: note: %s: no C library headers installed, skipped\n",
                             std::string(a.id).c_str());
            }
        }
        std::error_code ec;
        fs::create_directories(o.output, ec);
        if (!fs::is_directory(o.output)) {
            print_error("extract: cannot create output directory '" + o.output + "'");
            return 2;
        }
    }
    bool unreadable = false;
    const std::vector<manpages::Page> pages = read_pages(o.pages, o.jobs, unreadable);
    const archdata::LibcWanted wanted = audit::libc_wanted_from(pages);
    std::fprintf(stderr, "manaudit: %zu pages: %zu functions, %zu headers, %zu typedef names, %zu constants\n",
                 pages.size(), wanted.functions.size(), wanted.headers.size(), wanted.typedefs.size(),
                 wanted.constants.size());

    int status = unreadable ? 3 : 0;
    auto results = headers::extract_libc_arches(arches, sources, wanted, o.jobs);
    for (auto& r : results) {
        print_diagnostics(r.diags);
        if (!r.facts) {
            std::fprintf(stderr, "manaudit: error: %s: C-library extraction failed\n", r.arch_id.c_str());
            status = 3;
            continue;
        }
        r.facts->provenance.command = o.command;
        std::string path = o.arch.empty() ? (fs::path(o.output) / (r.arch_id + ".xml")).string() : o.output;
        Diagnostics diags;
        if (!archdata::write_libc_file(*r.facts, path, diags)) {
            print_diagnostics(diags);
            status = 3;
            continue;
        }
        std::size_t present = 0;
        for (const auto& [h, exists] : r.facts->headers) present += exists;
        std::fprintf(stderr, "manaudit: %s: glibc %s: %zu functions, %zu of %zu headers, %zu typedefs, %zu constants -> %s\n",
                     r.arch_id.c_str(), r.facts->provenance.libc_version.c_str(), r.facts->functions.size(), present,
                     r.facts->headers.size(), r.facts->typedefs.size(), r.facts->constants.size(), path.c_str());
    }
    return status;
}

}  // namespace manaudit::cli
