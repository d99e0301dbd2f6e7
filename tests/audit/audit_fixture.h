// Test helpers for the audit: hand-made ArchFacts, fixture pages with their
// expected findings written beside the offending line, and a check runner.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "arch-data/arch_table.h"
#include "audit/check.h"
#include "audit/engine.h"
#include "audit/finding.h"
#include "audit/registry.h"
#include "manpages/page.h"
#include "manpages/page_builder.h"

namespace manaudit::audit::testing {

/// Builds one arch's facts in a line per fact.
class FactsBuilder {
public:
    explicit FactsBuilder(std::string arch_id) {
        facts_.provenance.arch_id = std::move(arch_id);
        facts_.provenance.kernel_version = "6.1";
        // Word size and byte order as the table has them, as in a real file.
        const archdata::ArchInfo* info = archdata::find_arch(facts_.provenance.arch_id);
        facts_.provenance.word_bits = info ? info->word_bits : 64;
        facts_.provenance.byte_order = info && info->big_endian ? "big" : "little";
    }
    FactsBuilder& syscall(const std::string& name, std::int64_t number, const std::string& header = "asm/unistd.h") {
        facts_.syscalls[name] = {name, number, header, false};
        return *this;
    }
    /// A numbered slot whose kernel entry is sys_ni_syscall.
    FactsBuilder& reserved(const std::string& name, std::int64_t number) {
        syscall(name, number);
        facts_.syscalls[name].entry = "sys_ni_syscall";
        facts_.syscalls[name].implemented = false;
        return *this;
    }
    /// A call reached through a multiplexer (socketcall, ipc).
    FactsBuilder& multiplexed(const std::string& name, const std::string& via, std::int64_t call) {
        facts_.multiplexed[name] = {name, via, call, via == "ipc" ? "linux/ipc.h" : "linux/net.h"};
        return *this;
    }
    FactsBuilder& errno_value(const std::string& name, std::int64_t value) {
        facts_.errnos[name] = {name, value, false, "asm-generic/errno.h"};
        return *this;
    }
    FactsBuilder& constant(const std::string& name, std::int64_t value, const std::string& header = "asm/mman.h") {
        facts_.constants[name] = {name, value, false, header};
        return *this;
    }
    FactsBuilder& layout(const std::string& name, std::uint64_t size, std::uint64_t align, bool packed) {
        archdata::StructLayout l;
        l.name = name;
        l.size = size;
        l.align = align;
        l.packed = packed;
        l.header = "linux/eventpoll.h";
        facts_.structs[name] = l;
        return *this;
    }
    /// The kernel entry point of `call` with its parameters ("int fd, loff_t
    /// offset"), as extraction from a kernel tree records it.
    FactsBuilder& entry(const std::string& call, const std::string& entry, const std::string& params,
                        const std::string& source = "include/linux/syscalls.h") {
        facts_.syscalls[call].entry = entry;
        facts_.entry_signatures[entry] = {entry, archdata::parse_kernel_params(params), source};
        return *this;
    }
    /// The kernel's generic signature of `call`, recorded where the ABI's entry differs.
    FactsBuilder& generic(const std::string& call, const std::string& params) {
        facts_.generic_signatures[call] = {"sys_" + call, archdata::parse_kernel_params(params),
                                           "include/linux/syscalls.h"};
        return *this;
    }
    archdata::ArchFacts build() const { return facts_; }

private:
    archdata::ArchFacts facts_;
};

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// True if `id` is a registered check.
inline bool is_check_id(const std::string& id) {
    for (const auto& check : make_all_checks())
        if (check->info().id == id) return true;
    return false;
}

/// A finding the fixture expects: `.\" CHECK-MESSAGE: [check-id] text` on the
/// line after the offending one; `text` must occur in the message.
struct Expected {
    int line = 0;
    std::string check_id;
    std::string text;
};

inline std::vector<Expected> expected_findings(const std::string& source) {
    static const std::regex marker(R"(^\.\\" CHECK-MESSAGE: \[([a-z0-9-]+)\] (.*)$)");
    static const std::regex malformed(R"(^\.\\" *CHECK-MESSAGE)");
    std::vector<Expected> out;
    std::istringstream in(source);
    int line = 0, target = 0;
    bool previous_was_marker = false;
    for (std::string text; std::getline(in, text);) {
        ++line;
        std::smatch m;
        bool is_marker = std::regex_match(text, m, marker);
        // A marker the regex does not read would silently expect nothing.
        if (!is_marker && std::regex_search(text, malformed))
            throw std::runtime_error("line " + std::to_string(line) + ": malformed CHECK-MESSAGE marker");
        if (is_marker && !is_check_id(m[1].str()))
            throw std::runtime_error("line " + std::to_string(line) + ": no check has the id '" + m[1].str() + "'");
        // Consecutive markers all refer to the line above the first one.
        if (is_marker && !previous_was_marker) target = line - 1;
        if (is_marker) out.push_back({target, m[1].str(), m[2].str()});
        previous_was_marker = is_marker;
    }
    return out;
}

/// The fixture page `tests/fixtures/audit/<dir>/<file>`, built as `man2/<file>`.
/// A missing or empty fixture throws, so the test fails instead of auditing nothing.
inline manpages::Page fixture_page(const std::string& dir, const std::string& file,
                                   const std::string& tree_dir = "man2") {
    Diagnostics diags;
    const std::string path = std::string(MANAUDIT_FIXTURES) + "/audit/" + dir + "/" + file;
    if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("fixture not found: " + path);
    std::string source = read_text(path);
    if (source.empty()) throw std::runtime_error("fixture is empty: " + path);
    return manpages::build_page(tree_dir + "/" + file, source, diags);
}

/// Runs the check `id` over `page`. An id no check has throws, so a renamed
/// check fails its tests instead of passing them with no findings.
inline std::vector<Finding> run_check(const std::string& id, const manpages::Page& page,
                                      const std::vector<archdata::ArchFacts>& facts) {
    if (!is_check_id(id)) throw std::runtime_error("no check has the id '" + id + "'");
    std::vector<Finding> findings;
    for (const auto& check : make_all_checks())
        if (check->info().id == id) audit::run_check(*check, check->info(), page, AuditContext{facts}, findings);
    return findings;
}

/// Every expected finding reported at its line, and nothing else.
inline std::string compare_with_expected(const manpages::Page& page, const std::vector<Finding>& findings) {
    std::string problems;
    auto expected = expected_findings(page.source);
    std::vector<bool> used(findings.size());
    for (const auto& e : expected) {
        bool found = false;
        for (std::size_t i = 0; i < findings.size() && !found; ++i) {
            if (!used[i] && findings[i].line == e.line && findings[i].check_id == e.check_id &&
                findings[i].message.find(e.text) != std::string::npos)
                used[i] = found = true;
        }
        if (!found) problems += "missing at line " + std::to_string(e.line) + ": [" + e.check_id + "] " + e.text + "\n";
    }
    for (std::size_t i = 0; i < findings.size(); ++i)
        if (!used[i])
            problems += "unexpected at line " + std::to_string(findings[i].line) + ": " + findings[i].message +
                        " [" + findings[i].check_id + "]\n";
    return problems;
}

}  // namespace manaudit::audit::testing
