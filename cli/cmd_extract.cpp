// `manaudit extract`: per-arch facts from kernel headers, written as arch-data XML.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/extract_libc.h"
#include "parsers/headers/header_extractor.h"
#include "parsers/kernel/kernel_tree.h"

namespace manaudit::cli {

namespace {

namespace fs = std::filesystem;

struct ExtractOptions {
    std::string arch;
    bool all = false;
    std::string sysroot;
    std::string kernel_source;
    std::string headers;  ///< `make headers_install` outputs, one folder per kernel ARCH
    bool list_arches = false;
    std::string output;
    int jobs = 2;
    bool libc = false;
    std::vector<std::string> pages;  ///< --libc: the pages whose SYNOPSIS is probed
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

/// The kernel tree of --kernel-source, and where its installed headers are.
struct KernelInput {
    std::optional<kernel::KernelTree> tree;
    std::string headers;
};

// --headers defaults to the `headers` folder beside the tree (the fetch
// script's layout: <cache>/linux-X/{src,headers/<ARCH>}).
std::optional<KernelInput> open_kernel_input(const ExtractOptions& o, int& status) {
    KernelInput in;
    if (o.kernel_source.empty()) return in;
    Diagnostics diags;
    in.tree = kernel::open_kernel_tree(o.kernel_source, diags);
    print_diags(diags);
    if (!in.tree) {
        status = 2;
        return std::nullopt;
    }
    in.headers = o.headers.empty() ? (fs::path(in.tree->root).parent_path() / "headers").string() : o.headers;
    if (!fs::is_directory(in.headers)) {
        status = usage_error("no installed headers at '" + in.headers +
                             "' (run `make headers_install ARCH=... INSTALL_HDR_PATH=" + in.headers +
                             "/ARCH` in the tree, or give --headers DIR)");
        return std::nullopt;
    }
    return in;
}

/// The include dir `make headers_install` wrote for the arch's kernel ARCH.
std::string installed_headers(const KernelInput& in, const archdata::ArchInfo& arch) {
    return (fs::path(in.headers) / std::string(arch.kernel_arch) / "include").string();
}

int run_one(const ExtractOptions& o) {
    const archdata::ArchInfo* arch = archdata::find_arch_alias(o.arch);
    if (!arch) return usage_error("unknown arch id '" + o.arch + "'");
    if (!o.sysroot.empty() && !fs::is_directory(o.sysroot))
        return usage_error("sysroot '" + o.sysroot + "' is not a directory");
    int status = 0;
    auto kernel = open_kernel_input(o, status);
    if (!kernel) return status;
    headers::Source source{o.sysroot, kernel->tree ? &*kernel->tree : nullptr};
    if (kernel->tree && source.sysroot.empty()) source.sysroot = installed_headers(*kernel, *arch);
    headers::ExtractResult r = headers::extract_arch(*arch, source);
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

int run_libc(const ExtractOptions& o) {
    if (!o.sysroot.empty() || !o.kernel_source.empty() || !o.headers.empty())
        return usage_error("--libc reads the installed C library headers; --sysroot, --kernel-source and "
                           "--headers go with kernel extraction");
    LibcExtractOptions libc;
    libc.pages = o.pages;
    libc.arch = o.arch;
    libc.output = o.output;
    libc.jobs = o.jobs;
    // The provenance names the releases read, not this machine's paths.
    libc.command = "manaudit extract --libc" + (o.arch.empty() ? std::string(" --all") : " --arch " + o.arch);
    for (const std::string& p : o.pages) libc.command += " --pages " + fs::path(p).filename().string();
    return run_libc_extract(libc);
}

int list_arches() {
    for (const archdata::ArchInfo& a : archdata::all_arches())
        std::printf("%s %s %s %s\n", std::string(a.id).c_str(),
                    a.debian_arch.empty() ? "-" : std::string(a.debian_arch).c_str(), std::string(a.triple).c_str(),
                    std::string(a.kernel_arch).c_str());
    return 0;
}

int run_all(const ExtractOptions& o) {
    if (o.output.empty()) return usage_error("--all needs -o DIR");
    if (!o.sysroot.empty()) return usage_error("--sysroot goes with --arch, not --all");
    if (!o.headers.empty() && o.kernel_source.empty()) return usage_error("--headers goes with --kernel-source");
    std::error_code ec;
    fs::create_directories(o.output, ec);
    if (!fs::is_directory(o.output)) return usage_error("cannot create output directory '" + o.output + "'");

    int status = 0;
    auto kernel = open_kernel_input(o, status);
    if (!kernel) return status;
    std::vector<const archdata::ArchInfo*> arches;
    std::vector<headers::Source> sources;
    for (const archdata::ArchInfo& a : archdata::all_arches()) {
        if (kernel->tree && !kernel::tree_has_arch(*kernel->tree, a)) {
            std::fprintf(stderr, "manaudit: note: %s: Linux %s has no arch/%s, skipped\n", std::string(a.id).c_str(),
                         kernel->tree->version.c_str(), std::string(a.kernel_arch).c_str());
            continue;
        }
        std::string sysroot = kernel->tree ? installed_headers(*kernel, a) : headers::default_sysroot(a);
        if (!fs::is_directory(sysroot)) {
            std::fprintf(stderr, "manaudit: note: %s: headers not installed (%s), skipped\n",
                         std::string(a.id).c_str(), sysroot.c_str());
            continue;
        }
        arches.push_back(&a);
        sources.push_back({kernel->tree ? sysroot : std::string(), kernel->tree ? &*kernel->tree : nullptr});
    }
    std::vector<headers::ExtractResult> results = headers::extract_arches(arches, o.jobs, sources);
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
    sub->add_option("--kernel-source", opts->kernel_source,
                    "kernel source tree: syscall tables give entry points, reserved slots and multiplexed calls")
        ->type_name("DIR");
    sub->add_option("--headers", opts->headers,
                    "its `make headers_install` outputs, one DIR/ARCH/include per kernel ARCH "
                    "(default: headers/ beside the tree)")
        ->type_name("DIR");
    sub->add_option("-o,--output", opts->output, "output file (--arch; stdout if absent) or directory (--all)");
    sub->add_option("-j,--jobs", opts->jobs, "parallel workers for --all")->check(CLI::Range(1, 64));
    sub->add_flag("--libc", opts->libc,
                  "extract the C library's facts instead (glibc's declarations, headers, typedefs and constants "
                  "for what the pages document) from each ABI's installed glibc headers");
    sub->add_option("--pages", opts->pages,
                    "with --libc: pages, trees or release tarballs whose SYNOPSIS is probed, repeatable "
                    "(default: the installed release)")
        ->type_name("PATH");
    sub->add_flag("--list-arches", opts->list_arches,
                  "print the architecture table: id, Debian arch (- if none), header triple, kernel ARCH");
    sub->callback([opts, &exit_code] {
        if (opts->list_arches) exit_code = list_arches();
        else if (opts->libc) exit_code = run_libc(*opts);
        else if (opts->all) exit_code = run_all(*opts);
        else if (!opts->arch.empty()) exit_code = run_one(*opts);
        else exit_code = usage_error("give --arch ID or --all");
    });
}

}  // namespace manaudit::cli
