// The page × ABI matrix and the summaries, from findings and facts.
#include "audit/report/build_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "audit/registry.h"
#include "audit/report/abi_labels.h"
#include "audit/report/syscall_status.h"

namespace manaudit::report {

namespace {

// Checks about a value (or layout) rather than whether a fact exists at all.
constexpr std::string_view kValueChecks[] = {"errno-value-claim", "constant-value-differs", "struct-layout-differs"};

bool is_value_check(const std::string& id) {
    return std::find(std::begin(kValueChecks), std::end(kValueChecks), id) != std::end(kValueChecks);
}

const audit::Evidence* evidence_for(const audit::Finding& f, const std::string& arch) {
    for (const auto& e : f.evidence)
        if (e.arch == arch) return &e;
    return nullptr;
}

// A layout's "(stand-in target)" remark is about the data, not the value.
std::string comparable(const std::string& value) {
    auto paren = value.find(" (");
    return paren == std::string::npos ? value : value.substr(0, paren);
}

std::string reference_value(const audit::Finding& f) {
    if (const auto* x86 = evidence_for(f, "x86_64"); x86 && x86->present) return comparable(x86->value);
    std::map<std::string, int> votes;
    for (const auto& e : f.evidence)
        if (e.present) ++votes[comparable(e.value)];
    std::string best;
    int most = 0;
    for (const auto& [value, n] : votes)
        if (n > most) best = value, most = n;
    return best;
}

bool is_syscall_somewhere(std::span<const archdata::ArchFacts> facts, const std::string& name) {
    return std::any_of(facts.begin(), facts.end(), [&](const auto& f) { return f.syscall(name) != nullptr; });
}

}  // namespace

CellState finding_cell_state(const audit::Finding& finding, const archdata::ArchFacts& facts,
                             std::span<const archdata::ArchFacts> all_facts) {
    const auto* e = evidence_for(finding, facts.provenance.arch_id);
    if (!e) return CellState::not_applicable;
    if (is_value_check(finding.check_id)) {
        if (!e->present) return CellState::missing;
        return comparable(e->value) == reference_value(finding) ? CellState::ok : CellState::differs;
    }
    if (is_syscall_somewhere(all_facts, finding.subject)) {
        switch (syscall_status(facts, finding.subject).state) {
            case SyscallState::available: return CellState::ok;
            case SyscallState::multiplexed: return CellState::other_way;
            case SyscallState::absent:
            case SyscallState::not_implemented: return CellState::missing;
        }
    }
    return e->present ? CellState::ok : CellState::missing;
}

Report build_report(ReportInputs in) {
    Report r;
    r.corpus = in.corpus;
    r.release = in.release;
    r.generated = in.generated;
    r.tool_version = in.tool_version;
    r.pages_audited = static_cast<int>(in.pages.size());
    std::set<std::string> kernels;
    for (const auto& f : in.facts) {
        r.columns.push_back(make_column(f.provenance.arch_id, f.provenance.kernel_version));
        kernels.insert(f.provenance.kernel_version);
    }
    for (const auto& k : kernels) r.kernel += (r.kernel.empty() ? "" : ", ") + k;
    r.findings = std::move(in.findings);
    std::stable_sort(r.findings.begin(), r.findings.end(), [](const auto& a, const auto& b) {
        return std::tie(a.page, a.line) < std::tie(b.page, b.line);
    });

    // Checks run, with their counts.
    std::map<std::string, std::set<std::string>> pages_of_check;
    for (const auto& f : r.findings) pages_of_check[f.check_id].insert(f.page);
    for (const auto& info : audit::all_check_infos()) {
        std::string id(info.id);
        if (!in.checks_run.empty() && std::find(in.checks_run.begin(), in.checks_run.end(), id) == in.checks_run.end())
            continue;
        CheckCount c{id, std::string(info.description), 0, static_cast<int>(pages_of_check[id].size())};
        c.findings = static_cast<int>(std::count_if(r.findings.begin(), r.findings.end(),
                                                    [&](const auto& f) { return f.check_id == id; }));
        r.checks.push_back(std::move(c));
    }

    // The matrix: one row per page with findings, the worst state per cell.
    r.abi_summary.assign(r.columns.size(), {});
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        if (r.pages.empty() || r.pages.back().page != f.page) {
            r.pages.push_back({f.page, f.line, {}, std::vector<PageCell>(r.columns.size())});
        }
        PageRow& row = r.pages.back();
        row.findings.push_back(i);
        for (std::size_t c = 0; c < in.facts.size(); ++c) {
            CellState s = finding_cell_state(f, in.facts[c], in.facts);
            PageCell& cell = row.cells[c];
            cell.state = std::max(cell.state, s);
            if (s >= CellState::other_way) {
                cell.findings.push_back(i);
                ++r.abi_summary[c].findings;
            }
        }
    }
    for (const auto& row : r.pages) {
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            auto& s = r.abi_summary[c];
            switch (row.cells[c].state) {
                case CellState::missing: ++s.pages_missing; break;
                case CellState::differs: ++s.pages_differ; break;
                case CellState::other_way: ++s.pages_other_way; break;
                default: break;
            }
        }
    }

    r.syscalls = syscall_rows(in.pages, in.facts);
    r.constants = constant_rows(in.pages, in.facts);
    r.layouts = layout_rows(in.pages, in.facts);
    if (!in.other_kernel.empty()) {
        r.kernel_diff = kernel_diff(in.facts, in.other_kernel);
        r.kernel = r.kernel_diff->from_kernel + " and " + r.kernel_diff->to_kernel;
    }
    return r;
}

std::string cell_state_name(CellState state) {
    switch (state) {
        case CellState::ok: return "ok";
        case CellState::missing: return "missing";
        case CellState::other_way: return "reached another way";
        case CellState::differs: return "differs";
        case CellState::not_applicable: return "not applicable";
    }
    return "ok";
}

std::string cell_state_word(CellState state) {
    switch (state) {
        case CellState::other_way: return "other way";
        case CellState::not_applicable: return "n/a";
        default: return cell_state_name(state);
    }
}

std::string cell_state_symbol(CellState state) {
    switch (state) {
        case CellState::ok: return "\u2713";
        case CellState::missing: return "\u2717";
        case CellState::other_way: return "\u21aa";
        case CellState::differs: return "\u2260";
        case CellState::not_applicable: return "\u2013";
    }
    return "";
}

char cell_state_char(CellState state) {
    switch (state) {
        case CellState::ok: return '.';
        case CellState::missing: return 'X';
        case CellState::other_way: return '>';
        case CellState::differs: return '~';
        case CellState::not_applicable: return '-';
    }
    return ' ';
}

std::string syscall_state_name(SyscallState state) {
    switch (state) {
        case SyscallState::available: return "available";
        case SyscallState::absent: return "absent";
        case SyscallState::not_implemented: return "not implemented";
        case SyscallState::multiplexed: return "reached another way";
    }
    return "";
}

}  // namespace manaudit::report
