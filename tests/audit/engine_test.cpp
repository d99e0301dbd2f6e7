// Tests of the check registry and the engine: ids, selection, ordering, parallel runs.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "audit/engine.h"
#include "audit/facts_memo.h"
#include "audit/page_memo.h"
#include "audit/registry.h"
#include "checks/world.h"

using namespace manaudit::audit;
using namespace manaudit::audit::testing;

TEST_CASE("every check has a unique kebab-case id and a description", "[audit][engine]") {
    std::set<std::string> ids;
    static const std::regex kebab("[a-z0-9]+(-[a-z0-9]+)*");
    for (const auto& info : all_check_infos()) {
        std::string id(info.id);
        CHECK(std::regex_match(id, kebab));
        CHECK(ids.insert(id).second);
        CHECK_FALSE(info.description.empty());
        CHECK(find_check_info(id) != nullptr);
    }
    CHECK(ids.size() == 13);
    CHECK(find_check_info("no-such-check") == nullptr);
}

TEST_CASE("the engine sorts findings and honours the check selection", "[audit][engine]") {
    std::vector<manaudit::manpages::Page> pages = {fixture_page("x86-only-statement", "olddir.2"),
                                                  fixture_page("syscall-missing-on-arch", "frob.2"),
                                                  fixture_page("errno-missing-on-arch", "frob.2")};
    const auto facts = small_world();
    auto all = run_audit(pages, facts);
    REQUIRE(all.size() >= 3);
    for (std::size_t i = 1; i < all.size(); ++i) {
        bool ordered = all[i - 1].page < all[i].page ||
                       (all[i - 1].page == all[i].page && all[i - 1].line <= all[i].line);
        CHECK(ordered);
    }
    for (const auto& f : all) CHECK(f.evidence.size() == facts.size());

    AuditOptions only;
    only.checks = {"x86-only-statement"};
    auto selected = run_audit(pages, facts, only);
    REQUIRE(selected.size() == 1);
    CHECK(selected[0].check_id == "x86-only-statement");
}

TEST_CASE("parallel runs give the same findings as serial ones", "[audit][engine]") {
    std::vector<manaudit::manpages::Page> pages;
    for (int i = 0; i < 8; ++i) {
        pages.push_back(fixture_page("syscall-missing-on-arch", "frob.2"));
        pages.push_back(fixture_page("x86-only-statement", "olddir.2"));
    }
    const auto facts = small_world();
    AuditOptions parallel;
    parallel.jobs = 4;
    auto a = run_audit(pages, facts);
    auto b = run_audit(pages, facts, parallel);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].fingerprint() == b[i].fingerprint());
}

TEST_CASE("no facts, no findings", "[audit][engine]") {
    auto page = fixture_page("syscall-missing-on-arch", "frob.2");
    CHECK(run_audit({page}, {}).empty());
}

TEST_CASE("a page's memo answers for its own page only, as the finder would", "[audit][engine]") {
    const auto olddir = fixture_page("x86-only-statement", "olddir.2");
    const auto frob = fixture_page("syscall-missing-on-arch", "frob.2");
    const auto facts = small_world();
    const auto direct = find_x86_existence_claims(olddir, facts);
    REQUIRE_FALSE(direct.empty());  // the fixture says where its call exists

    const PageMemo memo(olddir, facts);
    AuditContext context{facts, {}, {}};
    context.page_memo = &memo;
    const auto memoized = x86_existence_claims(olddir, context);
    REQUIRE(memoized.size() == direct.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        CHECK(memoized[i].sentence == direct[i].sentence);
        CHECK(memoized[i].line == direct[i].line);
        CHECK(memoized[i].subjects == direct[i].subjects);
    }
    // Another page, or the same page against other facts, is worked out afresh.
    CHECK(memo.is_for(olddir, facts));
    CHECK_FALSE(memo.is_for(frob, facts));
    CHECK(x86_existence_claims(frob, context).size() == find_x86_existence_claims(frob, facts).size());
    const std::span<const manaudit::archdata::ArchFacts> fewer(facts.data(), facts.size() - 1);
    CHECK_FALSE(memo.is_for(olddir, fewer));
}

TEST_CASE("a page's syscall names are the same from its memo, the facts memo or the facts", "[audit][engine]") {
    const auto facts = small_world();
    const FactsMemo facts_memo(facts);
    for (const auto& page : {fixture_page("x86-only-statement", "olddir.2"),
                             fixture_page("syscall-missing-on-arch", "frob.2")}) {
        const auto direct = page_syscall_names(page, facts);
        REQUIRE_FALSE(direct.empty());
        CHECK(page_syscall_names(page, facts_memo) == direct);
        const PageMemo with_facts_memo(page, facts, &facts_memo), without(page, facts);
        CHECK(with_facts_memo.syscall_names() == direct);
        CHECK(without.syscall_names() == direct);
        AuditContext context{facts, {}, {}};
        context.facts_memo = &facts_memo;
        CHECK(page_syscall_names(page, context) == direct);
        context.page_memo = &with_facts_memo;
        CHECK(page_syscall_names(page, context) == direct);
    }
}
