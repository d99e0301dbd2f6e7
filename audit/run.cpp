// The audit pipeline as one library call: corpus → pages, arch data → facts → findings.
#include "audit/run.h"

#include <algorithm>
#include <filesystem>
#include <optional>

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


// Unknown check ids and architectures are configuration errors, all reported.
void check_requested_ids(const RunInputs& inputs, const AuditOptions& options, RunResult& result) {
    for (const auto& id : options.checks)
        if (!find_check_info(id)) config_problem(result, "", "unknown check '" + id + "' (see --list-checks)");
    for (const auto& id : inputs.arches)
        if (!archdata::find_arch_alias(id)) config_problem(result, "", "unknown architecture '" + id + "'");
}

// Why no arch-data directory was found: the kernel versions there are, when
// one was asked for.
void report_missing_arch_data(const RunInputs& inputs, RunResult& result) {
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
}

// Facts: every requested arch must load, or the audit would be silently
// partial. False on a configuration error.
bool load_facts(const RunInputs& inputs, RunResult& result) {
    std::vector<std::string> arches;
    for (const auto& id : inputs.arches) arches.emplace_back(archdata::find_arch_alias(id)->id);
    std::string dir = inputs.arch_data_dir.empty() ? archdata::default_arch_data_dir(inputs.kernel)
                                                   : archdata::resolve_data_set(inputs.arch_data_dir, inputs.kernel);
    if (dir.empty() || !std::filesystem::is_directory(dir)) {
        report_missing_arch_data(inputs, result);
        return false;
    }
    Diagnostics fact_diags;
    result.facts = archdata::load_arch_data(dir, arches, fact_diags);
    std::size_t wanted = arches.empty() ? std::max<std::size_t>(result.facts.size(), 1) : arches.size();
    for (auto& d : fact_diags) result.diagnostics.push_back(std::move(d));
    if (!result.facts.empty()) result.kernel_version = archdata::kernel_series(result.facts.front().provenance.kernel_version);
    if (result.facts.size() != wanted) {
        config_problem(result, dir, "arch data incomplete: loaded " + std::to_string(result.facts.size()) + " of " +
                                        std::to_string(wanted) + " architectures");
        return false;
    }
    return true;
}

// The C library's data set: the one given, the shipped one, or none
// ("none" asks for none). Nullopt when a given directory does not exist.
std::optional<std::string> chosen_libc_data_dir(const RunInputs& inputs, RunResult& result) {
    if (inputs.libc_data_dir == "none") return std::string();
    std::string dir = inputs.libc_data_dir.empty() ? archdata::default_libc_data_dir() : inputs.libc_data_dir;
    if (!inputs.libc_data_dir.empty() && !std::filesystem::is_directory(dir)) {
        config_problem(result, dir, "C-library data directory not found");
        return std::nullopt;
    }
    return dir;
}

// Pages: read, then built in parallel; each keeps its own diagnostics,
// merged in page order.
void read_and_build_pages(const RunInputs& inputs, const AuditOptions& options, RunResult& result) {
    std::vector<std::string> sources = inputs.pages;
    if (sources.empty()) sources.push_back(manpages::installed_release_root());
    manpages::Corpus corpus = manpages::read_corpus(sources);
    result.unreadable_inputs = corpus.unreadable;
    for (auto& d : corpus.diagnostics) result.diagnostics.push_back(std::move(d));
    result.pages.resize(corpus.pages.size());
    std::vector<Diagnostics> page_diags(corpus.pages.size());
    const std::vector<std::size_t> order =
        largest_first(corpus.pages.size(), [&](std::size_t i) { return corpus.pages[i].source.size(); });
    parallel_for(corpus.pages.size(), options.jobs, [&](std::size_t k) {
        const std::size_t i = order[k];
        auto& file = corpus.pages[i];
        result.pages[i] = manpages::build_page(file.path, std::move(file.source), page_diags[i]);
        result.pages[i].aliases = file.aliases;
    });
    for (auto& diags : page_diags)
        for (auto& d : diags) result.diagnostics.push_back(std::move(d));
}

// The facts, then the C library's view of the loaded ABIs, with their
// problems kept apart so that they are reported in a fixed order.
struct LoadedFacts {
    RunResult facts;          ///< facts, libc, kernel_version; config problems
    Diagnostics libc_diags;   ///< problems reading the C library's data
    bool usable = false;      ///< no configuration problem: the audit can run
};

LoadedFacts load_all_facts(const RunInputs& inputs) {
    LoadedFacts loaded;
    if (!load_facts(inputs, loaded.facts)) return loaded;
    const std::optional<std::string> libc_dir = chosen_libc_data_dir(inputs, loaded.facts);
    if (!libc_dir) return loaded;
    if (!libc_dir->empty()) {
        std::vector<std::string> ids;
        for (const auto& f : loaded.facts.facts) ids.push_back(f.provenance.arch_id);
        loaded.facts.libc = archdata::load_libc_data(*libc_dir, ids, loaded.libc_diags);
    }
    loaded.usable = true;
    return loaded;
}

}  // namespace

RunResult run_audit_on(const RunInputs& inputs, const AuditOptions& options) {
    RunResult result;
    check_requested_ids(inputs, options, result);
    if (result.config_error) return result;

    // The facts load while the pages are read and built: neither needs the
    // other. The caller mostly takes the first task, the pages; the facts go
    // to a thread of the pool, whose heap the later loops reuse.
    LoadedFacts loaded;
    RunResult pages;
    parallel_for(2, 2, [&](std::size_t task) {
        if (task == 0) read_and_build_pages(inputs, options, pages);
        else loaded = load_all_facts(inputs);
    });

    for (auto& d : loaded.facts.diagnostics) result.diagnostics.push_back(std::move(d));
    result.facts = std::move(loaded.facts.facts);
    result.libc = std::move(loaded.facts.libc);
    result.kernel_version = std::move(loaded.facts.kernel_version);
    if (!loaded.usable) {
        // As if the pages had not been read: a configuration problem is all the run says.
        result.config_error = true;
        return result;
    }
    result.pages = std::move(pages.pages);
    result.unreadable_inputs = pages.unreadable_inputs;
    for (auto& d : pages.diagnostics) result.diagnostics.push_back(std::move(d));
    if (!loaded.libc_diags.empty()) {
        for (auto& d : loaded.libc_diags) result.diagnostics.push_back(std::move(d));
        result.config_error = true;
        return result;
    }

    result.findings = run_audit(result.pages, result.facts, result.libc, options);
    return result;
}

}  // namespace manaudit::audit
