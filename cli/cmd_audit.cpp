// `manaudit audit`: run the checks over pages and report findings.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/baseline.h"
#include "audit/output.h"
#include "audit/registry.h"
#include "audit/run.h"
#include "base/output_file.h"
#include "cli/audit_selection.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/keep_until_exit.h"

namespace manaudit::cli {

namespace {

struct AuditArgs {
    AuditSelection selection;
    std::string format = "text";
    std::string output;
    std::string baseline;
    std::string write_baseline;
    std::string color = "auto";
    bool exit_zero = false;
    bool list_checks = false;
    bool brief = false;
};

// The text audit's last line: findings per check, pages, ABIs, kernel version.
std::string summary_line(const audit::RunResult& result) {
    std::map<std::string, int> per_check;
    std::set<std::string> pages, kernels;
    for (const auto& f : result.findings) {
        ++per_check[f.check_id];
        pages.insert(f.page);
    }
    for (const auto& f : result.facts) kernels.insert(f.provenance.kernel_version);
    std::string checks;
    for (const auto& [id, n] : per_check) checks += fmt::format("{}{} {}", checks.empty() ? "" : ", ", id, n);
    std::string kernel;
    for (const auto& k : kernels) kernel += (kernel.empty() ? "" : ", ") + k;
    return fmt::format("manaudit: {} findings{} on {} of {} pages, {} ABIs, Linux {} facts\n", result.findings.size(),
                       checks.empty() ? "" : " (" + checks + ")", pages.size(), result.pages.size(),
                       result.facts.size(), kernel);
}

bool use_color(const std::string& mode, bool to_terminal) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return to_terminal && !(no_color && *no_color);
}

int run(const AuditArgs& args) {
    if (args.list_checks) {
        for (const auto& info : audit::all_check_infos())
            std::printf("%-26s %s\n", std::string(info.id).c_str(), std::string(info.description).c_str());
        return 0;
    }

    std::optional<audit::Baseline> baseline;
    if (!args.baseline.empty()) {
        Diagnostics diags;
        baseline = audit::read_baseline(args.baseline, diags);
        if (!baseline) {
            print_diagnostics(diags);
            return 2;
        }
    }

    audit::RunInputs inputs = args.selection.run_inputs();
    audit::AuditOptions options = args.selection.audit_options();

    // Progress only where a person watches it.
    const bool progress = isatty(STDERR_FILENO) != 0;
    std::atomic<int> done{0};
    std::mutex progress_mutex;
    if (progress) {
        options.on_page_done = [&](const std::string& path) {
            int n = ++done;
            std::lock_guard lock(progress_mutex);
            std::fprintf(stderr, "\r\033[Kmanaudit: audited %d pages (%s)", n, path.c_str());
        };
    }

    audit::RunResult& result = keep_until_exit(audit::run_audit_on(inputs, options));
    if (progress && done > 0) std::fputs("\r\033[K", stderr);
    if (result.config_error) {
        print_diagnostics(result.diagnostics);
        return 2;
    }
    print_diagnostics(result.diagnostics, Severity::error);

    std::string error;
    if (!args.write_baseline.empty() &&
        !write_output_file(args.write_baseline, audit::baseline_json(result.findings), error)) {
        print_file_error(args.write_baseline, "cannot write baseline: " + error);
        return 2;
    }
    if (baseline) audit::apply_baseline(result.findings, *baseline);

    std::vector<std::string> arch_ids;
    for (const auto& f : result.facts) arch_ids.push_back(f.provenance.arch_id);
    std::string text;
    if (args.format == "json")
        text = audit::format_json(result.findings, arch_ids, MANAUDIT_VERSION, result.kernel_version);
    else if (args.format == "sarif")
        text = audit::format_sarif(result.findings, MANAUDIT_VERSION, result.kernel_version, arch_ids);
    else text = audit::format_text(result.findings,
                                   use_color(args.color, args.output.empty() && isatty(STDOUT_FILENO) != 0),
                                   args.brief);

    if (args.output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else if (!write_output_file(args.output, text, error)) {
        print_file_error(args.output, error);
        return 2;
    }
    // The summary goes to standard output, below the findings or alone when they went to a file.
    if (args.format == "text") std::fputs(summary_line(result).c_str(), stdout);

    if (result.unreadable_inputs > 0) return 3;
    if (!result.findings.empty() && !args.exit_zero) return 1;
    return 0;
}

}  // namespace

void add_audit_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<AuditArgs>();
    auto* sub = app.add_subcommand("audit", "audit pages against per-architecture facts and report findings");
    args->selection.add_options(sub);
    sub->add_option("--format", args->format, "output format")
        ->check(CLI::IsMember({"text", "json", "sarif"}));
    sub->add_option("-o,--output", args->output, "write the report to FILE instead of standard output");
    sub->add_option("--baseline", args->baseline, "report only findings not in this baseline file");
    sub->add_option("--write-baseline", args->write_baseline, "write all findings as a baseline file");
    sub->add_option("--color", args->color, "colour the text output")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    sub->add_flag("--exit-zero", args->exit_zero, "exit 0 even when there are findings");
    sub->add_flag("--list-checks", args->list_checks, "list every check with its description");
    sub->add_flag("--brief", args->brief, "text: one line per finding, without the per-ABI evidence");
    sub->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace manaudit::cli
