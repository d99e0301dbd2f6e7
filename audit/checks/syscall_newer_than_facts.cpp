// syscall-newer-than-facts: the page's own system call is unknown to every
// ABI of the facts, and the page dates it after the facts' kernel. It is
// said once, as a note, so that the call is not taken for audited, and never
// reported as absent (the facts cannot tell).
#include "audit/checks/syscall_newer_than_facts.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "arch-data/store.h"
#include "audit/documented.h"
#include "audit/evidence.h"

namespace manaudit::audit {

namespace {

// Sections where pages date a call: VERSIONS and STANDARDS (older pages),
// HISTORY (newer ones).
bool dates_calls(const std::string& section) {
    return section == "VERSIONS" || section == "HISTORY" || section == "STANDARDS";
}

/// The earliest "Linux X.Y" a dating section of the page names.
std::optional<std::string> earliest_linux_version(const manpages::Page& page) {
    std::optional<std::string> earliest;
    for (const auto& block : page.blocks) {
        if (!is_visible(block) || !dates_calls(block.section)) continue;
        const std::string& text = block.text;
        for (std::size_t at = text.find("Linux "); at != std::string::npos; at = text.find("Linux ", at + 1)) {
            std::size_t i = at + 6, start = i;
            while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
            while (i > start && text[i - 1] == '.') --i;  // a sentence's full stop
            std::string version = text.substr(start, i - start);
            if (version.empty() || version.find('.') == std::string::npos) continue;
            if (!earliest || archdata::version_less(version, *earliest)) earliest = version;
        }
    }
    return earliest;
}

bool known_anywhere(std::span<const archdata::ArchFacts> facts, const std::string& name) {
    static constexpr std::string_view kVariants[] = {"", "64", "2", "_time64", "4", "1"};
    return std::any_of(facts.begin(), facts.end(), [&](const archdata::ArchFacts& f) {
        if (f.multiplexed_call(name)) return true;
        return std::any_of(std::begin(kVariants), std::end(kVariants),
                           [&](std::string_view v) { return f.syscall(name + std::string(v)) != nullptr; });
    });
}

}  // namespace

CheckInfo SyscallNewerThanFactsCheck::info() const {
    return {"syscall-newer-than-facts",
            "a documented system call is newer than the kernel the facts describe, so it is not audited",
            Severity::note};
}

void SyscallNewerThanFactsCheck::run(const manpages::Page& page, const AuditContext& context,
                                     std::vector<Finding>& findings) const {
    if (page.section != "2" || context.facts.empty()) return;
    const std::string kernel = archdata::kernel_series(context.facts.front().provenance.kernel_version);
    // The calls the SYNOPSIS declares (ioctl request pages name requests,
    // not calls: their prototype is ioctl's).
    std::vector<std::string> names;
    for (const auto& p : page.prototypes) {
        const std::string& call = p.syscall_name.empty() ? p.name : p.syscall_name;
        if (call.empty() || std::find(names.begin(), names.end(), call) != names.end()) continue;
        if (!p.syscall_name.empty() || std::find(page.names.begin(), page.names.end(), call) != page.names.end())
            names.push_back(call);
    }
    std::vector<std::string> unknown;
    for (const auto& name : names)
        if (!known_anywhere(context.facts, name)) unknown.push_back(name);
    if (unknown.empty()) return;
    // Only a page that dates the call after the facts' kernel: other unknown
    // names are C library functions (man2 has a few), not new calls.
    auto since = earliest_linux_version(page);
    if (!since || !archdata::version_less(kernel, *since)) return;
    for (const auto& name : unknown) {
        Finding f;
        f.page = page.path;
        f.line = page.name_line > 0 ? page.name_line : 1;
        f.subject = name;
        f.message = fmt::format("{} is newer than the Linux {} facts (the page dates it to Linux {}); "
                                "it was not audited",
                                name, kernel, *since);
        for (const auto& af : context.facts) f.evidence.push_back(syscall_evidence(af, name));
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
