// `manaudit extract`: per-arch facts from kernel headers, written as arch-data XML.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "parsers/headers/header_extractor.h"

namespace manaudit::cli {

namespace {

namespace fs = std::filesystem;

struct ExtractOptions {
    std::string arch;
    bool all = false;
    std::string sysroot;
    std::string output;
    int jobs = 2;
};

void print_diags(const Diagnostics& diags) {
    print_diagnostics(diags);
}

void print_summary(const archdata::ArchFacts& f, const std::string& where) {
    std::fprintf(stderr, "manaudit: %s: %zu syscalls, %zu errnos, %zu constants, %zu structs -> %s\n",
                 f.provenance.arch_id.c_str(), f.syscalls.size(), f.errnos.size(), f.constants.size(),
                 f.structs.size(), where.c_str());
}

int usage_error(const std::string& message) {
    print_error("extract: " + message);
    return 2;
}

int run_one(const ExtractOptions& o) {
    const archdata::ArchInfo* arch = archdata::find_arch(o.arch);
    if (!arch) return usage_error("unknown arch id '" + o.arch + "'");
    if (!o.sysroot.empty() && !fs::is_directory(o.sysroot))
        return usage_error("sysroot '" + o.sysroot + "' is not a directory");
    headers::ExtractResult r = headers::extract_arch(*arch, o.sysroot);
    print_diags(r.diags);
    if (!r.facts) {
        const bool missing = !fs::is_directory(o.sysroot.empty() ? headers::default_sysroot(*arch) : o.sysroot);
        return missing ? 2 : 3;
    }
    if (o.output.empty()) {
        std::fputs(archdata::to_xml(*r.facts).c_str(), stdout);
        print_summary(*r.facts, "stdout");
        return 0;
    }
    Diagnostics diags;
    if (!archdata::write_arch_file(*r.facts, o.output, diags)) {
        print_diags(diags);
        return 3;
    }
    print_summary(*r.facts, o.output);
    return 0;
}

int run_all(const ExtractOptions& o) {
    if (o.output.empty()) return usage_error("--all needs -o DIR");
    if (!o.sysroot.empty()) return usage_error("--sysroot goes with --arch, not --all");
    std::error_code ec;
    fs::create_directories(o.output, ec);
    if (!fs::is_directory(o.output)) return usage_error("cannot create output directory '" + o.output + "'");

    std::vector<const archdata::ArchInfo*> arches;
    for (const archdata::ArchInfo& a : archdata::all_arches()) {
        if (fs::is_directory(headers::default_sysroot(a))) arches.push_back(&a);
        else
            std::fprintf(stderr, "manaudit: note: %s: headers not installed (%s), skipped\n",
                         std::string(a.id).c_str(), headers::default_sysroot(a).c_str());
    }
    std::vector<headers::ExtractResult> results = headers::extract_arches(arches, o.jobs);
    int status = 0;
    for (const headers::ExtractResult& r : results) {  // table order
        print_diags(r.diags);
        if (!r.facts) {
            std::fprintf(stderr, "manaudit: error: %s: extraction failed\n", r.arch_id.c_str());
            status = 3;
            continue;
        }
        std::string path = (fs::path(o.output) / (r.arch_id + ".xml")).string();
        Diagnostics diags;
        if (!archdata::write_arch_file(*r.facts, path, diags)) {
            print_diags(diags);
            status = 3;
            continue;
        }
        print_summary(*r.facts, path);
    }
    return status;
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ExtractOptions>();
    auto* sub = app.add_subcommand("extract", "extract per-arch syscalls, errnos, constants and struct layouts "
                                              "from kernel headers into arch-data XML");
    auto* arch = sub->add_option("--arch", opts->arch, "architecture id from the table (x86_64, arm64, mips-o32, ...)");
    auto* all = sub->add_flag("--all", opts->all, "every table architecture whose headers are installed");
    arch->excludes(all);
    sub->add_option("--sysroot", opts->sysroot, "kernel header include dir (default /usr/<triple>/include)");
    sub->add_option("-o,--output", opts->output, "output file (--arch; stdout if absent) or directory (--all)");
    sub->add_option("-j,--jobs", opts->jobs, "parallel workers for --all")->check(CLI::Range(1, 64));
    sub->callback([opts, &exit_code] {
        if (opts->all) exit_code = run_all(*opts);
        else if (!opts->arch.empty()) exit_code = run_one(*opts);
        else exit_code = usage_error("give --arch ID or --all");
    });
}

}  // namespace manaudit::cli
