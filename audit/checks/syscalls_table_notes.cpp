// syscalls-table-notes: the syscalls(2) table's notes ("Alpha only", "Not on
// x86") against the facts, and syscalls that exist but are not in the table.
#include "audit/checks/syscalls_table_notes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "arch-data/arch_table.h"
#include "audit/evidence.h"
#include "audit/text_scan.h"

namespace manaudit::audit {

namespace {

/// What a Notes cell claims about where the syscall exists.
struct NoteClaim {
    enum class Kind { none, only_on, not_on } kind = Kind::none;
    std::set<std::string> abis;  ///< ABIs named (with data)
    bool names_arch_without_data = false;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.')) s.remove_suffix(1);
    return s;
}

/// The arch a whole piece of text spells, exactly: "x86_64", "SPARC64".
const archdata::ArchName* arch_spelled(std::string_view piece) {
    for (const auto& name : archdata::all_arch_names()) {
        std::string_view spellings = name.spellings;
        while (!spellings.empty()) {
            auto bar = spellings.find('|');
            if (spellings.substr(0, bar) == piece) return &name;
            spellings = bar == std::string_view::npos ? std::string_view() : spellings.substr(bar + 1);
        }
    }
    return nullptr;
}

/// A bare list of arches, which the table uses to mean "only there":
/// "x86_64, x86 since 4.12", "SPARC, SPARC64", "SPARC/SPARC64". Anything
/// but arch names, separators and "since <version>" makes it no list.
bool is_arch_list(std::string_view clause) {
    std::string text(clause);
    for (std::string_view sep : {" and ", "/"})
        for (auto at = text.find(sep); at != std::string::npos; at = text.find(sep)) text.replace(at, sep.size(), ",");
    std::string_view rest = text;
    bool any = false;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        std::string_view piece = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (auto since = piece.find(" since "); since != std::string_view::npos) {
            std::string_view version = trim(piece.substr(since + 7));
            if (version.empty() || version.find_first_not_of("0123456789.") != std::string_view::npos) return false;
            piece = trim(piece.substr(0, since));
        }
        if (piece.empty()) continue;
        if (!arch_spelled(piece)) return false;
        any = true;
    }
    return any;
}

/// Words that make a note about history or a condition, not about where the
/// call is today: "was available on SPARC", "PowerPC if CONFIG_PPC32".
bool is_hedged(const std::string& clause) {
    std::string lower = clause;
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const char* words : {"was", "removed", "deprecated", "unimplemented", "reserved", "if", "until", "up to",
                              "name of", "still"})
        if (contains_identifier(lower, words)) return true;
    return clause.find('?') != std::string::npos;
}

NoteClaim parse_note(const std::string& notes) {
    NoteClaim claim;
    // The claim is the first clause: "Alpha only; see NOTES", "SPARC/SPARC64 only, for compatibility with SunOS".
    std::string clause = notes.substr(0, notes.find_first_of(";("));
    if (is_hedged(clause)) return claim;
    if (contains_ci(clause, "not on")) {
        claim.kind = NoteClaim::Kind::not_on;
    } else if (contains_ci(clause, "only")) {
        claim.kind = NoteClaim::Kind::only_on;
        // The arches are named before "only"; what follows is commentary.
        std::string lower = clause;
        for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        clause = clause.substr(0, lower.find("only"));
    } else if (is_arch_list(clause)) {
        claim.kind = NoteClaim::Kind::only_on;
    } else {
        return claim;
    }
    for (const auto& m : arch_mentions_in(clause)) {
        auto abis = archdata::abis_of_mention(m.mention_id);
        if (abis.empty()) claim.names_arch_without_data = true;
        claim.abis.insert(abis.begin(), abis.end());
    }
    // "SPARC (removed in 2.6.26), available on Alpha as osf_getdtablesize(2)":
    // an arch the rest of the note names is not one the note denies.
    if (claim.kind == NoteClaim::Kind::only_on)
        for (const auto& m : arch_mentions_in(notes)) {
            auto abis = archdata::abis_of_mention(m.mention_id);
            claim.abis.insert(abis.begin(), abis.end());
        }
    // ARM OABI has no facts of its own (the arm facts are EABI's): the
    // claim still says where else the call is not, but says nothing that the
    // EABI headers could contradict about ARM itself.
    if (claim.kind == NoteClaim::Kind::not_on && contains_identifier(clause, "OABI")) claim.abis.erase("arm");
    if (claim.abis.empty() && !claim.names_arch_without_data) claim.kind = NoteClaim::Kind::none;
    return claim;
}

// Arch families: x86 for its three ABIs, powerpc and mips for their two.
std::string abi_family_of(const std::string& abi) {
    for (const auto& name : archdata::all_arch_names()) {
        auto abis = archdata::abis_of_mention(name.mention_id);
        if (abis.size() > 1 && std::find(abis.begin(), abis.end(), abi) != abis.end())
            return std::string(name.mention_id);
    }
    return abi;
}

std::string note_for(const std::set<std::string>& present, std::size_t audited) {
    if (present.size() == audited) return "";
    std::vector<std::string> names;
    for (const auto& id : in_table_order(present)) {
        const auto* arch = archdata::find_arch(id);
        names.emplace_back(arch ? std::string(arch->display) : id);
    }
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out + " only";
}


using TableFacts = std::span<const archdata::ArchFacts>;

std::vector<Evidence> call_evidence(TableFacts facts, const std::string& name) {
    std::vector<Evidence> evidence;
    for (const auto& af : facts) evidence.push_back(syscall_evidence(af, name));
    return evidence;
}

bool is_x86_only(const std::set<std::string>& abis) {
    return std::all_of(abis.begin(), abis.end(), [](const std::string& a) { return is_x86_abi(a); });
}

bool names_x86(const std::set<std::string>& abis) {
    return std::any_of(abis.begin(), abis.end(), [](const std::string& a) { return is_x86_abi(a); });
}

// What is wrong with a row's note however it is worded: a call only x86
// has without a note (the table marks other arches' calls, "m68k only",
// but not these), or "Not on x86" for a call three or fewer ABIs have,
// true but hiding that. Empty when neither.
std::string misleading_note(const manpages::SyscallsTableRow& row, const NoteClaim& claim,
                            const std::set<std::string>& present, std::size_t audited) {
    std::string message;
    if (claim.kind == NoteClaim::Kind::none && trim(row.notes).empty() && is_x86_only(present) && present.size() < audited)
        message = fmt::format("{} exists only on {}, but the table has no note", row.name, join_ids(present));
    const bool few = present.size() <= 3 && present.size() * 4 <= audited;
    if (claim.kind == NoteClaim::Kind::not_on && names_x86(claim.abis) && few && !names_x86(present))
        message = fmt::format("the table says \"{}\", but only {} {} {}", row.notes, join_ids(present),
                              present.size() == 1 ? "has" : "have", row.name);
    return message;
}

// What the note's own claim gets wrong: an "only on" call that exists
// elsewhere too, a "not on" call that exists there. Empty when it holds.
std::string contradicted_note(const manpages::SyscallsTableRow& row, const NoteClaim& claim,
                              const std::set<std::string>& present) {
    if (claim.kind == NoteClaim::Kind::none) return {};
    const bool only_on = claim.kind == NoteClaim::Kind::only_on;
    std::set<std::string> wrong;  // for "only on": where it also is; for "not on": where it is
    for (const auto& id : present)
        if ((claim.abis.count(id) > 0) != only_on) wrong.insert(id);
    if (wrong.empty()) return {};
    return only_on ? fmt::format("the table says \"{}\", but {} also exists on {}", row.notes, row.name, join_ids(wrong))
                   : fmt::format("the table says \"{}\", but {} exists on {}", row.notes, row.name, join_ids(wrong));
}

// A row whose note is wrong or missing: the note the facts give replaces it.
Finding note_finding(const manpages::Page& page, TableFacts facts, const manpages::SyscallsTableRow& row,
                     const std::set<std::string>& present, const std::string& message) {
    Finding f;
    f.page = page.path;
    f.line = row.line;
    f.subject = row.name;
    f.message = message;
    f.evidence = call_evidence(facts, row.name);
    f.edit.kind = ProposedEdit::Kind::table_note;
    f.edit.line = row.line;
    f.edit.old_text = row.notes;
    f.edit.new_text = note_for(present, facts.size());
    f.edit.flag_text = message;
    f.edit.summary = fmt::format("Correct the notes for {}", row.name);
    return f;
}

// Notes against the facts.
void report_wrong_notes(const manpages::Page& page, TableFacts facts, std::vector<Finding>& findings) {
    for (const auto& row : page.syscalls_table) {
        std::set<std::string> present;
        for (const auto& f : facts)
            if (can_call(f, row.name)) present.insert(arch_id(f));
        // A syscall no audited arch has was removed or belongs to an arch we
        // have no facts for: nothing to judge.
        if (present.empty()) continue;
        const NoteClaim claim = parse_note(row.notes);
        std::string message = misleading_note(row, claim, present, facts.size());
        if (message.empty()) message = contradicted_note(row, claim, present);
        if (!message.empty()) findings.push_back(note_finding(page, facts, row, present, message));
    }
}

/// Every name the page gives, in the table, its text or its comments.
struct NamesOnPage {
    std::set<std::string> listed;  ///< the table's rows
    std::string text;              ///< the visible text (the list of unimplemented calls, the per-arch notes)
    std::string comments;

    bool named(const std::string& name) const {
        return listed.count(name) || contains_identifier(text, name) || contains_identifier(comments, name);
    }
};

// The page's roff comments, one a line.
std::string comments_of(const manpages::Page& page) {
    std::string comments;
    for (const auto& comment : page.layout.comments) comments.append(comment.text).push_back('\n');
    return comments;
}

NamesOnPage names_on_page(const manpages::Page& page) {
    NamesOnPage names;
    for (const auto& row : page.syscalls_table) names.listed.insert(row.name);
    for (const auto& b : page.blocks)
        if (b.kind != manpages::Block::Kind::comment) names.text += b.text + "\n";
    // Names the maintainers left out on purpose sit in roff comments beside
    // the table (".\" timerfd: old interface"); reserved numbers, mostly.
    names.comments = comments_of(page);
    return names;
}

// Whether the page accounts for a syscall: named, under a spelling with or
// without a leading underscore or an arch prefix, or not a call at all.
bool page_accounts_for(const NamesOnPage& names, const std::string& name) {
    if (names.named(name) || names.named("_" + name) || (name.starts_with("_") && names.named(name.substr(1))))
        return true;
    // Not a syscall name: __NR_SYSCALL_MASK and similar bookkeeping macros.
    if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return true;
    // Alpha's OSF/1 compatibility calls are a family the page covers as one.
    if (name.starts_with("osf_")) return true;
    // An arch-prefixed variant of a listed call: arm_fadvise64_64, arm_sync_file_range.
    auto underscore = name.find('_');
    return underscore != std::string::npos && archdata::find_arch_name(name.substr(0, underscore)) &&
           names.named(name.substr(underscore + 1));
}

/// The table's cut-off, from the numbers themselves: the asm-generic list
/// numbers new calls in order, so a call numbered after every call the
/// table lists came after the table was written, which is no arch matter.
struct TableCutoff {
    const archdata::ArchFacts* generic = nullptr;
    std::int64_t newest_listed = -1;

    bool newer_than_table(const std::string& name) const {
        const auto* sc = generic ? generic->syscall(name) : nullptr;
        return sc && newest_listed >= 0 && sc->number > newest_listed;
    }
};

TableCutoff table_cutoff(TableFacts facts, const NamesOnPage& names) {
    TableCutoff cutoff;
    for (const auto& f : facts) {
        const auto* arch = archdata::find_arch(arch_id(f));
        if (arch && arch->syscall_table.empty()) {
            cutoff.generic = &f;
            break;
        }
    }
    // Only a table that states its cut-off ("as at Linux 5.14") has one.
    const bool states_cutoff = contains_ci(names.text, "as at Linux") || contains_ci(names.text, "as of Linux");
    if (cutoff.generic && states_cutoff)
        for (const auto& name : names.listed)
            if (const auto* sc = cutoff.generic->syscall(name))
                cutoff.newest_listed = std::max(cutoff.newest_listed, sc->number);
    return cutoff;
}

// A listed call's variant: clock_gettime64 for clock_gettime.
bool is_variant_of_listed(const std::set<std::string>& listed, const std::string& name) {
    for (std::string_view suffix : {"_time64", "64"})
        if (name.size() > suffix.size() && name.ends_with(suffix) &&
            listed.count(name.substr(0, name.size() - suffix.size())))
            return true;
    return false;
}

/// Calls missing from the table, said as one: a call, or variants of listed calls on the same ABIs.
struct TableGap {
    std::vector<std::string> names;
    std::set<std::string> present;
};

std::vector<TableGap> table_gaps(TableFacts facts, const NamesOnPage& names) {
    std::set<std::string> all;
    for (const auto& f : facts)
        for (const auto& [name, sc] : f.syscalls)
            if (!sc.arch_private && sc.implemented) all.insert(name);
    const TableCutoff cutoff = table_cutoff(facts, names);
    std::vector<TableGap> gaps;
    std::map<std::set<std::string>, std::size_t> variant_family;  // present set -> index in gaps
    for (const auto& name : all) {
        if (page_accounts_for(names, name) || cutoff.newer_than_table(name)) continue;
        std::set<std::string> present, families;
        for (const auto& f : facts)
            if (f.implemented_syscall(name)) {
                present.insert(arch_id(f));
                families.insert(abi_family_of(arch_id(f)));
            }
        // Headers keep reserved, unimplemented numbers (dipc, multiplexer,
        // epoll_ctl_old) that the facts cannot tell from real calls; a call
        // that one arch family alone numbers is too likely one of those.
        if (families.size() < 2) continue;
        // Variants of listed calls on the same ABIs are one gap: the 64-bit
        // time calls of the 32-bit ABIs.
        if (is_variant_of_listed(names.listed, name)) {
            auto [it, fresh] = variant_family.try_emplace(present, gaps.size());
            if (fresh) gaps.push_back({{}, present});
            gaps[it->second].names.push_back(name);
            continue;
        }
        gaps.push_back({{name}, present});
    }
    return gaps;
}

Finding table_gap_finding(const manpages::Page& page, TableFacts facts, const TableGap& gap) {
    const int table_line = page.syscalls_table.front().line;
    Finding f;
    f.page = page.path;
    f.line = table_line;
    f.subject = gap.names.front();
    if (gap.names.size() == 1) {
        f.message = fmt::format("{} exists on {} but is not in the table", gap.names.front(), join_ids(gap.present));
        f.edit.summary = fmt::format("Add {} to the table", gap.names.front());
    } else {
        std::string list;
        for (const auto& n : gap.names) list += (list.empty() ? "" : ", ") + n;
        f.subject = gap.names.front() + " and " + std::to_string(gap.names.size() - 1) + " more";
        f.message = fmt::format("{} variants of listed calls exist on {} but are not in the table: {}",
                                gap.names.size(), join_ids(gap.present), list);
        f.edit.summary = fmt::format("Add the {} variants of listed calls to the table", gap.names.size());
    }
    f.evidence = call_evidence(facts, gap.names.front());
    f.edit.line = table_line;
    f.edit.flag_text = f.message;
    return f;
}

}  // namespace

CheckInfo SyscallsTableNotesCheck::info() const {
    return {"syscalls-table-notes",
            "the syscalls(2) table's notes disagree with the facts, or a syscall is missing from it",
            Severity::warning};
}

void SyscallsTableNotesCheck::run(const manpages::Page& page, const AuditContext& context,
                                  std::vector<Finding>& findings) const {
    if (page.syscalls_table.empty()) return;
    report_wrong_notes(page, context.facts, findings);
    // Syscalls some arch has that the page does not name: in the table, or
    // in its text (the list of unimplemented calls, the per-arch notes).
    for (const auto& gap : table_gaps(context.facts, names_on_page(page)))
        findings.push_back(table_gap_finding(page, context.facts, gap));
}

}  // namespace manaudit::audit
