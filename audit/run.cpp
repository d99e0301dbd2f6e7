// The audit pipeline as one library call: corpus → pages, arch data → facts → findings.
#include "audit/run.h"

#include <algorithm>
#include <filesystem>

#include "arch-data/arch_table.h"
#include "arch-data/libc_store.h"
#include "arch-data/store.h"
#include "audit/registry.h"
#include "base/parallel_for.h"
#include "manpages/corpus.h"
#include "manpages/page_builder.h"

namespace manaudit::audit {

namespace {

void config_problem(RunResult& result, const std::string& file, const std::string& message) {
    result.diagnostics.push_back({file, 0, 0, Severity::error, message});
    result.config_error = true;
}

}  // namespace

RunResult run_audit_on(const RunInputs& inputs, const AuditOptions& options) {
    RunResult result;
    for (const auto& id : options.checks)
        if (!find_check_info(id)) config_problem(result, "", "unknown check '" + id + "' (see --list-checks)");
    for (const auto& id : inputs.arches)
        if (!archdata::find_arch_alias(id)) config_problem(result, "", "unknown architecture '" + id + "'");
    if (result.config_error) return result;
    std::vector<std::string> arches;
    for (const auto& id : inputs.arches) arches.emplace_back(archdata::find_arch_alias(id)->id);

    // Facts: every requested arch must load, or the audit would be silently partial.
    std::string dir = inputs.arch_data_dir.empty() ? archdata::default_arch_data_dir(inputs.kernel)
                                                   : archdata::resolve_data_set(inputs.arch_data_dir, inputs.kernel);
    if (dir.empty() || !std::filesystem::is_directory(dir)) {
        std::string where = inputs.arch_data_dir.empty() ? archdata::shipped_arch_data_root() : inputs.arch_data_dir;
        std::string message = "arch-data directory not found";
        if (!inputs.kernel.empty()) {
            std::string known;
            for (const std::string& v : archdata::kernel_versions(where)) known += (known.empty() ? "" : ", ") + v;
            message = "no arch data for Linux " + inputs.kernel + (known.empty() ? "" : " (have: " + known + ")");
        } else if (where.empty()) {
            message = "no arch data found (use --arch-data DIR)";
        }
        config_problem(result, where, message);
        return result;
    }
    Diagnostics fact_diags;
    result.facts = archdata::load_arch_data(dir, arches, fact_diags);
    std::size_t wanted = arches.empty() ? std::max<std::size_t>(result.facts.size(), 1) : arches.size();
    for (auto& d : fact_diags) result.diagnostics.push_back(std::move(d));
    if (!result.facts.empty()) result.kernel_version = archdata::kernel_series(result.facts.front().provenance.kernel_version);
    if (result.facts.size() != wanted) {
        config_problem(result, dir, "arch data incomplete: loaded " + std::to_string(result.facts.size()) + " of " +
                                        std::to_string(wanted) + " architectures");
        return result;
    }

    // The C library's view, where one is shipped or given; read while the
    // pages are read and built.
    std::string libc_dir;
    if (inputs.libc_data_dir != "none") {
        libc_dir = inputs.libc_data_dir.empty() ? archdata::default_libc_data_dir() : inputs.libc_data_dir;
        if (!inputs.libc_data_dir.empty() && !std::filesystem::is_directory(libc_dir)) {
            config_problem(result, libc_dir, "C-library data directory not found");
            return result;
        }
    }
    Diagnostics libc_diags;
    std::jthread libc_loader;
    if (!libc_dir.empty()) {
        std::vector<std::string> ids;
        for (const auto& f : result.facts) ids.push_back(f.provenance.arch_id);
        libc_loader = std::jthread([&result, &libc_diags, libc_dir, ids] {
            result.libc = archdata::load_libc_data(libc_dir, ids, libc_diags);
        });
    }

    // Pages.
    std::vector<std::string> sources = inputs.pages;
    if (sources.empty()) sources.push_back(manpages::installed_release_root());
    manpages::Corpus corpus = manpages::read_corpus(sources);
    result.unreadable_inputs = corpus.unreadable;
    for (auto& d : corpus.diagnostics) result.diagnostics.push_back(std::move(d));
    // Pages are built in parallel; each keeps its own diagnostics, merged in page order.
    result.pages.resize(corpus.pages.size());
    std::vector<Diagnostics> page_diags(corpus.pages.size());
    parallel_for(corpus.pages.size(), options.jobs, [&](std::size_t i) {
        auto& file = corpus.pages[i];
        result.pages[i] = manpages::build_page(file.path, std::move(file.source), page_diags[i]);
        result.pages[i].aliases = file.aliases;
    });
    for (auto& diags : page_diags)
        for (auto& d : diags) result.diagnostics.push_back(std::move(d));
    if (libc_loader.joinable()) libc_loader.join();
    if (!libc_diags.empty()) {
        for (auto& d : libc_diags) result.diagnostics.push_back(std::move(d));
        result.config_error = true;
        return result;
    }

    result.findings = run_audit(result.pages, result.facts, result.libc, options);
    return result;
}

}  // namespace manaudit::audit
