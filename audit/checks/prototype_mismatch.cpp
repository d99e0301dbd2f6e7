// prototype-mismatch: a SYNOPSIS prototype disagrees with glibc's declaration
// on some ABIs, in its return type, parameter count or parameter types.
// Types are compared by meaning for each target: documented typedef names
// resolve through that ABI's typedefs, and names, restrict, _Nullable,
// array-vs-pointer spelling and qualifiers of the whole type do not count.
// A variadic function may be documented as several prototypes (open with
// and without mode): each fits when its leading parameters are glibc's; and
// of several forms shown for one function, one that is glibc's is enough.
#include "audit/checks/prototype_mismatch.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "audit/evidence.h"
#include "audit/libc_view.h"
#include "parsers/cdecl/type_meaning.h"

namespace manaudit::audit {

namespace {

using cdecl::TypeRole;

struct Comparison {
    std::vector<std::string> problems;
    /// Every problem is an integer type the page writes narrower than the
    /// C library does (unsigned short for unsigned long): a program written
    /// from the page passes and receives the same values.
    bool only_widening = true;
};

/// An integer type's conversion rank and signedness, from its meaning
/// ("unsigned short"); nullopt for anything but a plain integer type.
struct IntegerType {
    int rank = 0;
    bool is_unsigned = false;
};

std::optional<IntegerType> integer_type(const std::string& meaning) {
    std::istringstream words(meaning);
    IntegerType t;
    int longs = 0;
    bool any = false;
    for (std::string w; words >> w;) {
        if (w == "unsigned") t.is_unsigned = true;
        else if (w == "signed") {}
        else if (w == "char") t.rank = 1;
        else if (w == "short") t.rank = 2;
        else if (w == "long") ++longs;
        else if (w != "int") return std::nullopt;
        any = true;
    }
    if (!any) return std::nullopt;
    if (t.rank == 0) t.rank = longs == 0 ? 3 : 3 + longs;
    return t;
}

// Value-preserving: every value of `narrow` is one of `wide`.
bool widens(const std::string& narrow, const std::string& wide) {
    auto n = integer_type(narrow), w = integer_type(wide);
    return n && w && w->rank > n->rank && (n->is_unsigned || !w->is_unsigned);
}

/// The documented type's meaning on this ABI, or nullopt when it names a
/// type this C library does not define (then it cannot be judged).
/// One ABI's C library as the page's program sees it.
struct View {
    const archdata::LibcFacts& libc;
    bool file_offset_64;  ///< the page defines _FILE_OFFSET_BITS=64
};

// The meaning follows from the type's text, its role and what this C library
// makes of the typedef names in it; pages and ABIs repeat the same few
// hundred of those, so each thread works each out once, keyed by all three.
std::optional<std::string> documented_meaning(const std::string& type, TypeRole role, const View& view) {
    thread_local std::unordered_map<std::string, std::vector<std::string>> typedef_names;
    thread_local std::unordered_map<std::string, std::optional<std::string>> meanings;
    auto names = typedef_names.find(type);
    if (names == typedef_names.end()) names = typedef_names.emplace(type, cdecl::typedef_names_in(type)).first;
    // Each part is told apart by its length or its leading mark.
    std::string key = std::to_string(type.size()) + (role == TypeRole::result ? "r" : "p") + type;
    for (const std::string& name : names->second) {
        const std::string* canonical = view.libc.typedef_canonical(name, view.file_offset_64);
        key += canonical ? "\n" + std::to_string(canonical->size()) + ":" + *canonical : std::string("\n?");
    }
    auto known = meanings.find(key);
    if (known != meanings.end()) return known->second;
    cdecl::TypeMeaning m = cdecl::type_meaning(
        type, role, [&](const std::string& name) { return view.libc.typedef_canonical(name, view.file_offset_64); });
    return meanings.emplace(std::move(key), m.resolved ? std::optional(m.text) : std::nullopt).first->second;
}

// glibc declares some `int` parameters of POSIX as enums when _GNU_SOURCE is
// defined (getpriority's __priority_which_t); C makes an enum compatible with
// an int-sized integer type, and callers pass integers.
bool is_enum_for_int(const std::string& documented, const std::string& declared) {
    return declared.starts_with("enum ") && (documented == "int" || documented == "unsigned int");
}

// A declared type's meaning depends on its text and role alone, and the same
// few hundred types recur on every page and ABI: each thread works each out once.
const std::string& declared_meaning(const std::string& type, TypeRole role) {
    thread_local std::unordered_map<std::string, std::string> cache[2];
    auto& known = cache[role == TypeRole::result ? 0 : 1];
    auto it = known.find(type);
    if (it == known.end()) it = known.emplace(type, cdecl::type_meaning(type, role).text).first;
    return it->second;
}

bool type_fits(const std::string& documented, const archdata::LibcType& declared, TypeRole role) {
    const std::string& meaning = declared_meaning(declared.canonical, role);
    if (documented == meaning || is_enum_for_int(documented, meaning)) return true;
    for (const std::string& alt : declared.alternatives)
        if (documented == declared_meaning(alt, role)) return true;
    return false;
}

std::string glibc_type(const archdata::LibcType& t) {
    return t.spelled == t.canonical ? t.spelled : t.spelled + " (" + t.canonical + ")";
}

Comparison compare(const manpages::Prototype& doc, const archdata::LibcFunction& fn, const View& libc) {
    Comparison c;
    if (auto ret = documented_meaning(doc.return_type, TypeRole::result, libc);
        ret && !type_fits(*ret, fn.result, TypeRole::result)) {
        c.problems.push_back(fmt::format("returns {}, glibc {}", doc.return_type, glibc_type(fn.result)));
        c.only_widening = c.only_widening && widens(*ret, declared_meaning(fn.result.canonical, TypeRole::result));
    }
    const std::size_t documented = doc.params.size(), fixed = fn.params.size();
    // `int sigreturn(...)`: the page leaves the parameters unspecified.
    if (doc.variadic && documented == 0) return c;
    const std::size_t problems_before_count = c.problems.size();
    if (documented < fixed) {
        c.problems.push_back(fmt::format("has {} parameter{}, glibc {}{}", documented, documented == 1 ? "" : "s",
                                         fixed, fn.variadic ? " and ..." : ""));
    } else if (documented > fixed && !fn.variadic) {
        c.problems.push_back(fmt::format("has {} parameters, glibc {}", documented, fixed));
    } else if (doc.variadic && !fn.variadic) {
        c.problems.push_back(fmt::format("is variadic, glibc's is not ({} parameters)", fixed));
    }
    if (c.problems.size() != problems_before_count) c.only_widening = false;
    for (std::size_t i = 0; i < std::min(documented, fixed); ++i) {
        const manpages::Parameter& p = doc.params[i];
        auto meaning = documented_meaning(p.type, TypeRole::parameter, libc);
        if (!meaning || type_fits(*meaning, fn.params[i], TypeRole::parameter)) continue;
        std::string which = p.name.empty() ? fmt::format("parameter {}", i + 1)
                                           : fmt::format("parameter {} ({})", i + 1, p.name);
        c.problems.push_back(fmt::format("{} is {}, glibc {}", which, p.type, glibc_type(fn.params[i])));
        c.only_widening = c.only_widening && widens(*meaning, declared_meaning(fn.params[i].canonical, TypeRole::parameter));
    }
    return c;
}

/// A page may show several forms of one function: a variadic one's uses
/// (open with and without mode), or other systems' and versions' forms
/// beside glibc's (BSD's getpgrp(pid), the raw pipe() of some arches). When
/// one form is glibc's, the others are there on purpose.
bool another_form_fits(const manpages::Page& page, const manpages::Prototype& doc, const archdata::LibcFunction& fn,
                       const View& libc) {
    for (const manpages::Prototype& other : page.prototypes)
        if (&other != &doc && other.name == doc.name && other.syscall_name.empty() &&
            compare(other, fn, libc).problems.empty())
            return true;
    return false;
}

bool same_form(const manpages::Prototype& a, const manpages::Prototype& b) {
    if (a.return_type != b.return_type || a.params.size() != b.params.size() || a.variadic != b.variadic) return false;
    for (std::size_t i = 0; i < a.params.size(); ++i)
        if (a.params[i].type != b.params[i].type) return false;
    return true;
}

/// The function's own page shows several forms of it, this one among them
/// ("int ioctl(int fd, unsigned long op, ...); /* glibc, BSD */" beside
/// "int ioctl(int fd, int op, ...); /* musl, other UNIX */"): the release
/// documents the form on purpose, and a page that uses it follows its home.
bool home_page_accepts_form(std::span<const manpages::Page> release, const manpages::Page& page,
                            const manpages::Prototype& doc) {
    for (const manpages::Page& home : release) {
        if (home.path == page.path || home.section != page.section ||
            std::find(home.names.begin(), home.names.end(), doc.name) == home.names.end())
            continue;
        int forms = 0;
        bool this_one = false;
        for (const manpages::Prototype& p : home.prototypes) {
            if (p.name != doc.name || !p.syscall_name.empty()) continue;
            ++forms;
            this_one = this_one || same_form(p, doc);
        }
        if (forms > 1 && this_one) return true;
    }
    return false;
}

/// A usage form rather than a declaration: a request's name stands where a
/// parameter's type would (`int ioctl(int fd, FIONREAD, int *n)`).
bool is_call_form(const manpages::Prototype& doc) {
    return std::any_of(doc.params.begin(), doc.params.end(), [](const manpages::Parameter& p) {
        return p.name.empty() && !p.type.empty() && std::all_of(p.type.begin(), p.type.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
               });
    });
}


/// A prototype and one of its problems (problems joined by "; ").
struct Mismatch {
    const manpages::Prototype* doc;
    std::string problem;
};

/// One prototype's problems against the C libraries: each problem and the
/// ABIs where it arises.
struct PrototypeProblems {
    std::map<std::string, std::set<std::string>> by_problem;  ///< the same problems on several ABIs make one finding
    std::set<std::string> declared_on;
    std::set<std::string> widening_only;  ///< problems that only widen integers
};

PrototypeProblems compare_with_libcs(const manpages::Page& page, const manpages::Prototype& doc,
                                     const AuditContext& context, bool file_offset_64) {
    PrototypeProblems found;
    for (const archdata::LibcFacts& libc : context.libc) {
        const archdata::LibcFunction* fn = libc.function(doc.name, file_offset_64);
        if (!fn) continue;
        found.declared_on.insert(libc.provenance.arch_id);
        const View view{libc, file_offset_64};
        Comparison c = compare(doc, *fn, view);
        if (c.problems.empty() || another_form_fits(page, doc, *fn, view)) continue;
        std::string message;
        for (const std::string& p : c.problems) message += (message.empty() ? "" : "; ") + p;
        found.by_problem[message].insert(libc.provenance.arch_id);
        if (c.only_widening) found.widening_only.insert(message);
    }
    return found;
}

/// The ABIs a set of mismatches arises on, and the prototype when that is
/// every ABI declaring it (a prototype wrong everywhere is a fix of its own).
using MismatchKey = std::pair<std::set<std::string>, const manpages::Prototype*>;

// One finding per set of ABIs where some ABIs differ from the rest: the
// SYNOPSIS's functions that differ on the same few ABIs (outb, outw,
// inb... wider on alpha) are one thing to fix.
std::map<MismatchKey, std::vector<Mismatch>> mismatches_by_arches(const manpages::Page& page,
                                                                 const AuditContext& context) {
    const bool file_offset_64 = page_wants_file_offset_64(page);
    std::map<MismatchKey, std::vector<Mismatch>> by_arches;
    for (const manpages::Prototype& doc : page.prototypes) {
        if (!doc.syscall_name.empty()) continue;  // syscall(SYS_x, ...): the kernel's interface, not glibc's
        if (is_call_form(doc)) continue;
        const PrototypeProblems found = compare_with_libcs(page, doc, context, file_offset_64);
        // The release is searched only for a prototype that differs somewhere.
        if (!found.by_problem.empty() && home_page_accepts_form(context.release, page, doc)) continue;
        for (const auto& [problem, arches] : found.by_problem) {
            // A few ABIs declaring wider integers (alpha's port I/O takes
            // unsigned long) take every value the page's types hold: the
            // page's prototype is the common one, not a mistake.
            if (found.widening_only.count(problem) && arches.size() * 2 < found.declared_on.size()) continue;
            by_arches[{arches, arches == found.declared_on ? &doc : nullptr}].push_back({&doc, problem});
        }
    }
    return by_arches;
}

// Per arch: the C library's declaration of each function named, once each.
std::vector<Evidence> declarations_evidence(const AuditContext& context, const std::vector<Mismatch>& mismatches) {
    std::vector<Evidence> evidence;
    for (const auto& af : context.facts) {
        Evidence e = libc_function_evidence(context, arch_id(af), mismatches.front().doc->name);
        for (std::size_t i = 1; i < mismatches.size(); ++i) {
            if (mismatches[i].doc->name == mismatches[i - 1].doc->name) continue;
            const Evidence more = libc_function_evidence(context, arch_id(af), mismatches[i].doc->name);
            e.value += "; " + (more.present ? more.value : mismatches[i].doc->name + " absent");
        }
        evidence.push_back(std::move(e));
    }
    return evidence;
}

Finding mismatch_finding(const manpages::Page& page, const AuditContext& context, const std::set<std::string>& arches,
                         const std::vector<Mismatch>& mismatches) {
    const manpages::Prototype& first = *mismatches.front().doc;
    Finding f;
    f.page = page.path;
    f.line = first.line;
    f.subject = first.name;
    std::string what;
    for (const auto& m : mismatches) what += fmt::format("{}{}() {}", what.empty() ? "" : "; ", m.doc->name, m.problem);
    f.message = fmt::format("{} on {}", what, join_ids(arches));
    f.evidence = declarations_evidence(context, mismatches);
    f.edit.kind = ProposedEdit::Kind::none;
    f.edit.line = first.line;
    f.edit.flag_text = f.message;
    f.edit.summary = mismatches.size() == 1 ? fmt::format("Check the prototype of {}() against glibc", first.name)
                                            : fmt::format("Check the prototypes of {}() and others against glibc",
                                                          first.name);
    return f;
}

}  // namespace

CheckInfo PrototypeMismatchCheck::info() const {
    return {"prototype-mismatch",
            "a SYNOPSIS prototype disagrees with glibc's declaration on some arches (return, parameter count "
            "or types)",
            Severity::warning};
}

void PrototypeMismatchCheck::run(const manpages::Page& page, const AuditContext& context,
                                 std::vector<Finding>& findings) const {
    // Section 2 pages; library pages reached through their aliases are not audited.
    if (page.section != "2" || context.libc.empty()) return;
    for (const auto& [key, mismatches] : mismatches_by_arches(page, context))
        findings.push_back(mismatch_finding(page, context, key.first, mismatches));
}

}  // namespace manaudit::audit
