// The C-library world the prototype, header and wrapper checks are tested
// against: facts extracted with libclang from the fixture headers in
// tests/fixtures/libc for x86_64 and i386, for what the fixture pages document.
#pragma once

#include <string>
#include <vector>

#include "../audit_fixture.h"
#include "audit/libc_view.h"
#include "parsers/headers/libc_extractor.h"

namespace manaudit::audit::testing {

inline std::string libc_fixture(const std::string& dir) { return std::string(MANAUDIT_FIXTURES) + "/libc/" + dir; }

/// Extracts both fixture ABIs for `pages`; a failed extraction fails the test.
inline std::vector<archdata::LibcFacts> libc_world(const std::vector<manpages::Page>& pages) {
    const archdata::LibcWanted wanted = libc_wanted_from(pages);
    std::vector<archdata::LibcFacts> out;
    const std::pair<const char*, std::vector<std::string>> abis[] = {
        {"x86_64", {libc_fixture("x86_64"), libc_fixture("common")}},
        {"i386", {libc_fixture("common")}},
    };
    for (const auto& [id, dirs] : abis) {
        headers::LibcExtractResult r = headers::extract_libc(*archdata::find_arch(id), {dirs, false}, wanted);
        for (const auto& d : r.diags) UNSCOPED_INFO(d.file << ":" << d.line << ": " << d.message);
        REQUIRE(r.facts);
        out.push_back(std::move(*r.facts));
    }
    return out;
}

/// Kernel facts for the same two ABIs (the checks audit the ABIs these name).
inline std::vector<archdata::ArchFacts> libc_world_arches() {
    return {FactsBuilder("x86_64").build(), FactsBuilder("i386").build()};
}

/// Runs check `id` over `page` with the C library's facts of `pages`.
inline std::vector<Finding> run_libc_check(const std::string& id, const manpages::Page& page,
                                           const std::vector<manpages::Page>& pages) {
    REQUIRE_FALSE(page.source.empty());  // a missing fixture page fails
    const auto facts = libc_world_arches();
    const auto libc = libc_world(pages);
    bool known = false;
    std::vector<Finding> findings;
    for (const auto& check : make_all_checks())
        if (check->info().id == id) {
            known = true;
            audit::run_check(*check, check->info(), page, AuditContext{facts, libc}, findings);
        }
    REQUIRE(known);
    return findings;
}

}  // namespace manaudit::audit::testing
