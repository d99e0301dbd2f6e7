// The options `audit` and `patch` share, and what they become for the audit.
#include "cli/audit_selection.h"

#include <algorithm>
#include <thread>

#include <sstream>

#include "arch-data/arch_aliases.h"

namespace manaudit::cli {

namespace {

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

void AuditSelection::add_options(CLI::App* sub) {
    sub->add_option("pages", pages, "pages, trees or release tarballs (default: the installed release)");
    sub->add_option("--arch", arches, "comma-separated ABI ids to audit against (default: all)");
    sub->add_option("--check", checks, "comma-separated check ids to run (default: all)");
    sub->add_option("--arch-data", arch_data, "arch-data directory: one data set, or a root of linux-*/ sets "
                                              "(default: the shipped data)")
        ->type_name("DIR");
    sub->add_option("--kernel", kernel, "kernel version of the facts to audit against, e.g. 6.1 "
                                        "(default: the newest shipped)")
        ->type_name("VERSION");
    sub->add_option("--libc-data", libc_data, "C-library data set, a glibc-<version>/ folder of <arch>.xml files "
                                              "(default: the shipped one; 'none' to audit without it)")
        ->type_name("DIR");
    sub->add_option("-j,--jobs", jobs, "pages read and audited in parallel (default: one per core)")
        ->check(CLI::Range(1, 64));
}

audit::RunInputs AuditSelection::run_inputs() const {
    audit::RunInputs inputs;
    inputs.pages = pages;
    inputs.arch_data_dir = arch_data;
    inputs.kernel = kernel;
    inputs.libc_data_dir = libc_data;
    // Users type amd64, aarch64, ppc64el: each becomes the table id.
    for (const auto& name : split_list(arches)) inputs.arches.push_back(archdata::resolve_arch_alias(name));
    return inputs;
}

audit::AuditOptions AuditSelection::audit_options() const {
    audit::AuditOptions options;
    options.checks = split_list(checks);
    options.jobs = jobs > 0 ? jobs : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
    return options;
}

}  // namespace manaudit::cli
