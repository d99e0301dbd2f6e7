// The per-architecture report as plain data: built from findings and facts,
// rendered as HTML, text or JSON without looking at pages or headers again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/finding.h"

namespace manaudit::report {

/// What one page × ABI cell says, from the least to the most serious.
enum class CellState { not_applicable, ok, other_way, differs, missing };

/// One ABI column.
struct Column {
    std::string arch;     ///< "arm64"
    std::string abbrev;   ///< three letters for the text table: "a64"
    std::string display;  ///< as man-pages spells it: "AArch64"
    std::string kernel;   ///< kernel version of its facts: "6.1"
};

struct PageCell {
    CellState state = CellState::not_applicable;
    std::vector<std::size_t> findings;  ///< indices into Report::findings that concern this ABI
};

/// One page that has findings, with a cell per column.
struct PageRow {
    std::string page;  ///< "man2/open.2"
    int line = 0;      ///< the first finding's line
    std::vector<std::size_t> findings;  ///< indices into Report::findings
    std::vector<PageCell> cells;        ///< one per column
};

/// How a syscall is available on one ABI.
enum class SyscallState {
    available,        ///< has a number and an entry point
    absent,           ///< no number
    not_implemented,  ///< a number whose slot is reserved (sys_ni_syscall)
    multiplexed,      ///< reached only through a multiplexer (socketcall, ipc)
};

struct SyscallCell {
    SyscallState state = SyscallState::absent;
    std::int64_t number = 0;   ///< when it has a number
    std::string via;           ///< multiplexed: the multiplexer, "socketcall"
    std::string replacement;   ///< absent or not implemented: the call used there instead, "openat"
};

struct SyscallRow {
    std::string name;  ///< "open"
    std::string page;  ///< the page that documents it
    int line = 0;
    std::vector<SyscallCell> cells;
};

/// A documented constant whose value is not the same on every ABI.
struct ConstantRow {
    std::string name;
    std::string page;
    int line = 0;
    std::vector<std::optional<std::string>> values;  ///< per column; nullopt when undefined there
};

struct LayoutCell {
    bool present = false;
    std::uint64_t size = 0, align = 0;
    bool packed = false;
    bool approximate = false;  ///< a stand-in target or an approximated ABI
    std::vector<std::pair<std::string, std::uint64_t>> offsets;  ///< field → offset, in declaration order
};

/// A struct named by a page whose layout is not the same on every ABI.
struct LayoutRow {
    std::string name;  ///< "epoll_event"
    std::string page;
    int line = 0;
    std::vector<LayoutCell> cells;
};

struct Renumbering {
    std::string name;
    std::int64_t from = 0, to = 0;
};

/// Syscalls of one ABI that changed between two kernel generations.
struct KernelDiffColumn {
    std::string arch;
    std::vector<std::string> added, removed;
    std::vector<Renumbering> renumbered;
};

struct KernelDiff {
    std::string from_kernel, to_kernel;  ///< "6.1", "6.12"
    std::vector<KernelDiffColumn> arches;  ///< ABIs present in both generations
};

struct CheckCount {
    std::string id;
    std::string description;
    int findings = 0;
    int pages = 0;
};

/// Per ABI: how many findings concern it, and how many pages' cells say what.
struct AbiSummary {
    int findings = 0;
    int pages_missing = 0, pages_differ = 0, pages_other_way = 0;
};

struct Report {
    std::string corpus;        ///< what was read: "/usr/share/man"
    std::string release;       ///< "manpages-dev 6.03-2", "man-pages-6.03.tar.xz"; may be empty
    std::string kernel;        ///< kernel version(s) of the facts: "6.1"
    std::string generated;     ///< UTC date: "2026-12-02"
    std::string tool_version;
    int pages_audited = 0;
    std::vector<Column> columns;
    std::vector<audit::Finding> findings;
    std::vector<CheckCount> checks;    ///< every check run, in registry order
    std::vector<AbiSummary> abi_summary;  ///< per column
    std::vector<PageRow> pages;        ///< pages with findings, by path
    std::vector<SyscallRow> syscalls;  ///< documented syscalls, by name
    std::vector<ConstantRow> constants;
    std::vector<LayoutRow> layouts;
    std::optional<KernelDiff> kernel_diff;
};

/// "ok", "missing", "reached another way", "differs", "not applicable".
std::string cell_state_name(CellState state);
/// The word a matrix cell shows under its symbol: "ok", "missing", "other way", "differs", "n/a".
std::string cell_state_word(CellState state);
/// The symbol a cell shows beside its word: "✓", "✗", "↪", "≠", "–".
std::string cell_state_symbol(CellState state);
/// One ASCII character for the text table: '.', 'X', '>', '~', '-'.
char cell_state_char(CellState state);
/// "available", "absent", "not implemented", "reached another way".
std::string syscall_state_name(SyscallState state);

}  // namespace manaudit::report
