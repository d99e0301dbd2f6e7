// wrapper-claim: the page and glibc disagree about a wrapper function. Either
// the SYNOPSIS shows syscall(SYS_x, ...) (glibc has no wrapper) while some
// ABI's glibc declares x with the same parameters, or it shows a prototype no
// ABI's glibc declares and nothing on the page says that.
#include "audit/checks/wrapper_claim.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"
#include "audit/libc_view.h"

namespace manaudit::audit {

namespace {

std::string lowercase_copy(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool names_call(const std::string& text, const std::string& name) {
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        bool starts = at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
        std::size_t end = at + name.size();
        bool ends = end == text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_');
        if (starts && ends) return true;
    }
    return false;
}

/// The page says glibc added a wrapper for `name` ("glibc 2.36 added a
/// wrapper", "a wrapper is provided since glibc 2.30").
bool says_wrapper_exists(const manpages::Page& page, const std::string& name) {
    for (const manpages::Block& block : page.blocks) {
        if (!is_visible(block) || !names_call(block.text, name)) continue;
        std::string text = lowercase_copy(block.text);
        if (text.find("wrapper") == std::string::npos || text.find("no wrapper") != std::string::npos ||
            text.find("not provide") != std::string::npos)
            continue;
        if (text.find("glibc 2.") != std::string::npos || text.find("added") != std::string::npos) return true;
    }
    return false;
}

/// The page says glibc lacks `name` or that it is not a library function.
bool says_no_declaration(const manpages::Page& page) {
    static constexpr std::string_view kPhrases[] = {
        "wrapper", "no declaration", "not declared", "not provided", "unimplemented", "not implemented",
        "syscall(2)", "not exported", "no prototype", "not available in glibc", "removed", "no longer",
        "not exist", "no such function", "anymore", "no libc", "no glibc", "glibc support"};
    for (const manpages::Block& block : page.blocks) {
        if (!is_visible(block)) continue;
        std::string text = lowercase_copy(block.text);
        for (std::string_view phrase : kPhrases)
            if (text.find(phrase) != std::string::npos) return true;
    }
    return false;
}

Finding make_finding(const manpages::Page& page, const manpages::Prototype& doc, const std::string& name,
                     const AuditContext& context) {
    Finding f;
    f.page = page.path;
    f.line = doc.line;
    f.subject = name;
    for (const auto& af : context.facts) f.evidence.push_back(libc_function_evidence(context, arch_id(af), name));
    f.edit.kind = ProposedEdit::Kind::none;
    f.edit.line = doc.line;
    return f;
}

}  // namespace

CheckInfo WrapperClaimCheck::info() const {
    return {"wrapper-claim", "the page and glibc disagree about whether glibc provides a wrapper function",
            Severity::warning};
}

void WrapperClaimCheck::run(const manpages::Page& page, const AuditContext& context,
                            std::vector<Finding>& findings) const {
    // Section 2 pages; library pages reached through their aliases are not audited.
    if (page.section != "2" || context.libc.empty() || page_uses_other_library(page)) return;
    const std::string version = context.libc.front().provenance.libc_version;
    std::set<std::string> done;
    for (const manpages::Prototype& doc : page.prototypes) {
        if (!doc.syscall_name.empty()) {
            const std::string& name = doc.syscall_name;
            if (!done.insert("sys:" + name).second || says_wrapper_exists(page, name)) continue;
            // The page shows glibc's function too: the syscall form is the raw call beneath it.
            if (std::any_of(page.prototypes.begin(), page.prototypes.end(), [&](const manpages::Prototype& p) {
                    return p.syscall_name.empty() && p.name == name;
                }))
                continue;
            // Only a function of the same arity is this call's wrapper (glibc's
            // readdir(3) is another function than SYS_readdir).
            std::set<std::string> declared;
            std::string where;
            for (const archdata::LibcFacts& libc : context.libc) {
                const archdata::LibcFunction* fn = libc.function(name);
                if (!fn || fn->params.size() != doc.params.size()) continue;
                declared.insert(libc.provenance.arch_id);
                if (where.empty()) where = "<" + fn->header + ">";
            }
            if (declared.empty()) continue;
            Finding f = make_finding(page, doc, name, context);
            f.message = fmt::format("the SYNOPSIS shows syscall(SYS_{}, ...), but glibc {} declares {}() in {} on {}",
                                    name, version, name, where, join_ids(declared));
            f.edit.flag_text = f.message;
            f.edit.summary = fmt::format("Show glibc's {}() wrapper", name);
            findings.push_back(std::move(f));
        } else if (doc.name != "syscall") {
            if (!done.insert(doc.name).second) continue;
            bool declared = std::any_of(context.libc.begin(), context.libc.end(),
                                        [&](const archdata::LibcFacts& libc) { return libc.function(doc.name); });
            if (declared || says_no_declaration(page)) continue;
            Finding f = make_finding(page, doc, doc.name, context);
            f.message = fmt::format("{}() is shown as a function, but no ABI's glibc {} declares it, "
                                    "and the page does not say so",
                                    doc.name, version);
            f.edit.flag_text = f.message;
            f.edit.summary = fmt::format("Say that glibc does not declare {}()", doc.name);
            findings.push_back(std::move(f));
        }
    }
}

}  // namespace manaudit::audit
