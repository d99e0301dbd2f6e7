// `manaudit patch`: audit pages, then write the findings as a git format-patch
// series (and optionally apply them to a tree in place).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "audit/run.h"
#include "cli/audit_selection.h"
#include "cli/commands.h"
#include "cli/keep_until_exit.h"
#include "manpages/corpus.h"
#include "cli/diagnostic_printer.h"
#include "patches/apply.h"
#include "patches/identity.h"
#include "patches/plan_all.h"
#include "patches/series.h"

namespace manaudit::cli {

namespace {

struct PatchArgs {
    AuditSelection selection;
    std::string mode = "fix";
    std::string output;
    std::string signoff;
    std::string from;
    bool force = false;
    std::string apply_tree;
};

int patch_usage_error(const std::string& message) {
    print_error(message);
    return 2;
}

bool identity_error(const std::string& message) {
    print_error(message);
    return false;
}

// Identities come from the options or git config, never made up; the From:
// line needs one, so the tool names itself when nobody is configured.
// False (the error printed) when an option's value is not an identity.
bool set_identities(const PatchArgs& args, bool signoff_given, patches::SeriesOptions& series_options) {
    if (!args.from.empty()) {
        auto id = patches::parse_identity(args.from);
        if (!id) return identity_error("--from must look like 'Name <mail@host>': " + args.from);
        series_options.from = *id;
    } else if (auto id = patches::git_config_identity()) {
        series_options.from = *id;
    } else {
        series_options.from = {"manaudit", "manaudit@localhost"};
    }
    if (!signoff_given) return true;
    if (!args.signoff.empty()) {
        series_options.signoff = patches::parse_identity(args.signoff);
        if (!series_options.signoff)
            return identity_error("--signoff must look like 'Name <mail@host>': " + args.signoff);
    } else {
        series_options.signoff = patches::git_config_identity();
        if (!series_options.signoff)
            return identity_error("--signoff needs git config user.name and user.email, or a value 'Name <mail>'");
    }
    return true;
}

// An earlier apply that was killed is finished (or undone) before the
// audit reads the tree, so the audit sees the pages as they stay. False
// when that failed.
bool finish_interrupted_apply(const std::string& tree) {
    Diagnostics recovery_diags;
    patches::ApplyRecovery recovery = patches::recover_interrupted_apply(tree, recovery_diags);
    print_diagnostics(recovery_diags, Severity::note);
    if (recovery.pages_completed > 0)
        std::fprintf(stderr, "manaudit: completed an interrupted apply: %zu page%s changed in %s\n",
                     recovery.pages_completed, recovery.pages_completed == 1 ? "" : "s", tree.c_str());
    if (recovery.temporaries_removed > 0)
        std::fprintf(stderr, "manaudit: removed %zu temporary file%s of an interrupted apply in %s\n",
                     recovery.temporaries_removed, recovery.temporaries_removed == 1 ? "" : "s", tree.c_str());
    return recovery.ok;
}

bool write_patch_series(const PatchArgs& args, const patches::PlanAllResult& planned, const audit::RunResult& result,
                        const patches::SeriesOptions& series_options, patches::Mode mode) {
    patches::Series series = patches::build_series(planned.plans, result.facts, series_options);
    Diagnostics write_diags;
    if (!patches::write_series(series, args.output, args.force, write_diags)) {
        print_diagnostics(write_diags, Severity::note);
        return false;
    }
    std::fprintf(stderr, "manaudit: wrote %d patch%s (%s mode) covering %d of %zu findings on %zu page%s to %s\n",
                 series.patches, series.patches == 1 ? "" : "es", patches::mode_name(mode), series.findings,
                 result.findings.size(), planned.plans.size(), planned.plans.size() == 1 ? "" : "s",
                 args.output.c_str());
    return true;
}

// Changes the pages in place; on failure says whether the tree is half
// changed (the journal completes it on the next run) or untouched.
bool apply_to_tree(const patches::PlanAllResult& planned, const std::string& tree) {
    Diagnostics apply_diags;
    if (!patches::apply_plans(planned.plans, tree, apply_diags)) {
        print_diagnostics(apply_diags, Severity::note);
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::path(tree) / patches::kApplyJournalName, ec))
            std::fprintf(stderr, "manaudit: error: the change to %s is incomplete; run the command again to complete it\n",
                         tree.c_str());
        else
            std::fprintf(stderr, "manaudit: error: no page in %s was changed\n", tree.c_str());
        return false;
    }
    std::fprintf(stderr, "manaudit: changed %zu page%s in %s\n", planned.plans.size(),
                 planned.plans.size() == 1 ? "" : "s", tree.c_str());
    return true;
}

int run(const PatchArgs& args, bool signoff_given) {
    auto mode = patches::parse_mode(args.mode);
    if (!mode) return patch_usage_error("--mode must be flag or fix");
    if (args.output.empty() && args.apply_tree.empty()) return patch_usage_error("give -o DIR for the series, or --apply TREE");
    patches::SeriesOptions series_options;
    if (!set_identities(args, signoff_given, series_options)) return 2;
    series_options.date = patches::patch_date_now();
    series_options.trailer = std::string("manaudit ") + MANAUDIT_VERSION;
    if (!args.apply_tree.empty() && !finish_interrupted_apply(args.apply_tree)) return 2;

    audit::RunInputs inputs = args.selection.run_inputs();
    audit::AuditOptions audit_options = args.selection.audit_options();
    audit::RunResult& result = keep_until_exit(audit::run_audit_on(inputs, audit_options));
    if (result.config_error) {
        print_diagnostics(result.diagnostics, Severity::note);
        return 2;
    }
    print_diagnostics(result.diagnostics, Severity::error);
    series_options.pages_audited = int(result.pages.size());
    // Subjects follow the tree's own history ("man/man2/open.2: " or "open.2: ").
    if (!inputs.pages.empty())
        series_options.subject_style = patches::subject_style_of_tree(manpages::tree_root_of(inputs.pages.front()));

    Diagnostics diags;
    patches::PlanAllResult planned = patches::plan_all(result.pages, result.findings, *mode, diags);
    print_diagnostics(diags, Severity::note);
    if (!planned.ok) {
        std::fprintf(stderr, "manaudit: error: refusing to write a partial series; nothing written\n");
        return 2;
    }
    if (planned.plans.empty()) {
        std::fprintf(stderr, "manaudit: no findings call for a change; nothing written\n");
        return result.unreadable_inputs > 0 ? 3 : 0;
    }
    if (!args.output.empty() && !write_patch_series(args, planned, result, series_options, *mode)) return 2;
    if (!args.apply_tree.empty() && !apply_to_tree(planned, args.apply_tree)) return 2;
    if (result.unreadable_inputs > 0) return 3;
    return planned.plans.empty() ? 0 : 1;
}

}  // namespace

void add_patch_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<PatchArgs>();
    auto* sub = app.add_subcommand("patch", "write the audit's findings as a git format-patch series");
    args->selection.add_options(sub);
    sub->add_option("--mode", args->mode, "flag: FIXME comments; fix: user-visible text")
        ->check(CLI::IsMember({"flag", "fix"}));
    sub->add_option("-o,--output", args->output, "directory for the series (must be empty unless --force)");
    auto* signoff = sub->add_option("--signoff", args->signoff,
                                    "add Signed-off-by: the value 'Name <mail>', or git config's identity")
                        ->expected(0, 1);
    sub->add_option("--from", args->from, "author of the patches, 'Name <mail>' (default: git config)");
    sub->add_flag("--force", args->force, "replace the patches in a non-empty output directory");
    sub->add_option("--apply", args->apply_tree, "apply the changes in place to the pages under TREE");
    sub->callback([args, signoff, &exit_code] { exit_code = run(*args, signoff->count() > 0); });
}

}  // namespace manaudit::cli
