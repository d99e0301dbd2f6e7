// `manaudit audit`: run the checks over pages and report findings.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/baseline.h"
#include "audit/output.h"
#include "audit/registry.h"
#include "audit/run.h"
#include "cli/audit_selection.h"
#include "cli/commands.h"

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
};

// Writes next to the target, then renames: a reader never sees half a file.
bool write_file(const std::string& path, const std::string& text) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out || !(out << text)) return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

bool use_color(const std::string& mode, bool to_terminal) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return to_terminal && !(no_color && *no_color);
}

void print_diagnostics(const Diagnostics& diags) {
    for (const auto& d : diags)
        if (d.level == Level::error) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
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
            for (const auto& d : diags) std::fprintf(stderr, "manaudit: %s\n", format_diagnostic(d).c_str());
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

    audit::RunResult result = audit::run_audit_on(inputs, options);
    if (progress && done > 0) std::fputs("\r\033[K", stderr);
    if (result.config_error) {
        for (const auto& d : result.diagnostics) {
            if (d.file.empty()) std::fprintf(stderr, "manaudit: error: %s\n", d.message.c_str());
            else std::fprintf(stderr, "manaudit: %s\n", format_diagnostic(d).c_str());
        }
        return 2;
    }
    print_diagnostics(result.diagnostics);

    if (!args.write_baseline.empty() && !write_file(args.write_baseline, audit::baseline_json(result.findings))) {
        std::fprintf(stderr, "manaudit: %s: cannot write baseline\n", args.write_baseline.c_str());
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
                                   use_color(args.color, args.output.empty() && isatty(STDOUT_FILENO) != 0)) +
                audit::format_summary(result.findings, result.pages.size(), result.facts.size(),
                                      result.kernel_version);

    if (args.output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else if (!write_file(args.output, text)) {
        std::fprintf(stderr, "manaudit: %s: cannot write output\n", args.output.c_str());
        return 2;
    }

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
    sub->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace manaudit::cli
