// header-missing-on-arch: a header the SYNOPSIS includes does not exist for
// some ABIs (<sys/io.h>, <asm/ldt.h>), and the page does not say where it is.
#include "audit/checks/header_missing_on_arch.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/libc_view.h"

namespace manaudit::audit {

namespace {

Evidence header_evidence(const AuditContext& context, const std::string& arch, const std::string& header) {
    Evidence e;
    e.arch = arch;
    const archdata::LibcFacts* libc = libc_of(context, arch);
    if (!libc) e.value = "no C library data";
    if (!libc || !libc->has_header(header).value_or(false)) return e;
    e.present = true;
    e.value = "<" + header + ">";
    e.header = header;
    return e;
}

}  // namespace

CheckInfo HeaderMissingOnArchCheck::info() const {
    return {"header-missing-on-arch", "a SYNOPSIS header does not exist on some arches", Severity::warning};
}

void HeaderMissingOnArchCheck::run(const manpages::Page& page, const AuditContext& context,
                                   std::vector<Finding>& findings) const {
    // Section 2 pages; library pages reached through their aliases are not audited.
    if (page.section != "2" || context.libc.empty()) return;
    std::set<std::string> seen;
    for (const manpages::Include& inc : page.includes) {
        if (!seen.insert(inc.header).second) continue;
        std::set<std::string> present, missing;
        for (const archdata::LibcFacts& libc : context.libc) {
            std::optional<bool> exists = libc.has_header(inc.header);
            if (!exists) continue;
            (*exists ? present : missing).insert(libc.provenance.arch_id);
        }
        if (present.empty() || missing.empty()) continue;
        // The header serves the page's functions: a page saying where its
        // call does not exist, or an architecture subsection placing it, has
        // said where its header is missing too.
        DocumentedQuery query;
        query.block = block_at_line(page, inc.line);
        query.names = {inc.header};
        for (const manpages::Prototype& p : page.prototypes) {
            const std::string& call = p.syscall_name.empty() ? p.name : p.syscall_name;
            if (std::find(query.names.begin(), query.names.end(), call) == query.names.end())
                query.names.push_back(call);
        }
        query.only_subject = query.names.size() == 2;
        if (query.only_subject) query.phrases = {"this system call", "this call", "this function"};
        query.arches = missing;
        query.present = present;
        if (already_documented(page, query)) continue;

        Finding f;
        f.page = page.path;
        f.line = inc.line;
        f.subject = "<" + inc.header + ">";
        f.message = fmt::format("<{}> does not exist on {}", inc.header, join_ids(missing));
        for (const auto& af : context.facts) f.evidence.push_back(header_evidence(context, arch_id(af), inc.header));
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = inc.line;
        f.edit.flag_text = f.message;
        f.edit.section = "NOTES";
        f.edit.new_text = fmt::format(".I <{}>\nexists only on {}.\n", inc.header, join_display(present));
        f.edit.summary = fmt::format("Note the architectures that have <{}>", inc.header);
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
