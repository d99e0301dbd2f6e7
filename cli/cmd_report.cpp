// `manaudit report`: the per-architecture report (HTML, text or JSON).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "arch-data/store.h"
#include "audit/report/build_report.h"
#include "audit/report/render.h"
#include "audit/run.h"
#include "base/output_file.h"
#include "cli/audit_selection.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/keep_until_exit.h"
#include "manpages/corpus.h"

namespace manaudit::cli {

namespace {

struct ReportArgs {
    AuditSelection selection;
    std::string output;
    std::string format = "html";
    std::string other_kernel;
    std::string release;
    bool exit_zero = false;
};

// The version of the Debian package that installed the pages, from dpkg's status file.
std::string installed_package_version(const std::string& package) {
    std::ifstream status("/var/lib/dpkg/status");
    bool in_package = false;
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("Package: ")) in_package = line.substr(9) == package;
        else if (in_package && line.starts_with("Version: ")) return line.substr(9);
    }
    return {};
}

// What the header says the pages are: the installed package, a tarball's name, or nothing.
std::string release_label(const std::vector<std::string>& inputs) {
    if (inputs.empty()) {
        std::string v = installed_package_version("manpages-dev");
        return v.empty() ? "" : "manpages-dev " + v;
    }
    if (inputs.size() == 1 && inputs[0].find(".tar") != std::string::npos)
        return std::filesystem::path(inputs[0]).filename().string();
    return {};
}

// Today in UTC, or the day of SOURCE_DATE_EPOCH for reproducible output.
std::string report_date() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = std::strtoll(epoch, nullptr, 10);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string joined(const std::vector<std::string>& items, const std::string& fallback) {
    if (items.empty()) return fallback;
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : " ") + i;
    return out;
}

int run(const ReportArgs& args) {
    // Refuse a bad output path before the audit's work, not after.
    if (!args.output.empty()) {
        std::filesystem::path parent = std::filesystem::path(args.output).parent_path();
        std::error_code ec;
        if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
            print_file_error(args.output, "directory '" + parent.string() + "' does not exist");
            return 2;
        }
    }
    audit::RunInputs inputs = args.selection.run_inputs();
    audit::AuditOptions options = args.selection.audit_options();
    audit::RunResult& result = keep_until_exit(audit::run_audit_on(inputs, options));
    if (result.config_error) {
        print_diagnostics(result.diagnostics);
        return 2;
    }
    print_diagnostics(result.diagnostics, Severity::error);

    std::vector<archdata::ArchFacts> other;
    if (!args.other_kernel.empty()) {
        Diagnostics diags;
        other = archdata::load_arch_data(args.other_kernel, inputs.arches, diags);
        print_diagnostics(diags);
        if (other.empty()) {
            print_file_error(args.other_kernel, "no arch data for the ABIs audited");
            return 2;
        }
    }

    report::ReportInputs in;
    in.corpus = joined(inputs.pages, manpages::installed_release_root());
    in.release = args.release.empty() ? release_label(inputs.pages) : args.release;
    in.generated = report_date();
    in.tool_version = MANAUDIT_VERSION;
    in.pages = result.pages;
    in.facts = result.facts;
    in.other_kernel = other;
    in.findings = std::move(result.findings);
    in.checks_run = options.checks;
    const report::Report rep = report::build_report(std::move(in));

    std::string text = args.format == "json"   ? report::render_json(rep)
                       : args.format == "text" ? report::render_text(rep)
                                               : report::render_html(rep);
    if (args.output.empty() || args.output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
        std::string error;
        if (!write_output_file(args.output, text, error)) {
            print_file_error(args.output, error);
            return 2;
        }
    }
    if (result.unreadable_inputs > 0) return 3;
    return rep.findings.empty() || args.exit_zero ? 0 : 1;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ReportArgs>();
    auto* sub = app.add_subcommand("report", "write the per-architecture report: pages x ABIs, syscalls, "
                                             "constants and layouts that differ");
    args->selection.add_options(sub);
    sub->add_option("-o,--output", args->output, "write the report to FILE (default: standard output)")
        ->type_name("FILE");
    sub->add_option("--format", args->format, "html, text (100 columns) or json")
        ->type_name("FORMAT")
        ->check(CLI::IsMember({"html", "text", "json"}))
        ->capture_default_str();
    sub->add_option("--other-kernel", args->other_kernel,
                    "arch data of another kernel generation: adds the syscalls added, removed and renumbered")
        ->type_name("DIR");
    sub->add_option("--release", args->release, "what the header calls the pages (default: the package or tarball)")
        ->type_name("NAME");
    sub->add_flag("--exit-zero", args->exit_zero, "exit 0 even when there are findings");
    sub->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace manaudit::cli
