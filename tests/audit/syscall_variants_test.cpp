// Other names of system calls: the rules, their inverse, and the per-ABI
// index the checks look variants up in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "audit_fixture.h"
#include "audit/facts_memo.h"
#include "audit/syscall_variants.h"

using namespace manaudit;
using namespace manaudit::audit;
using manaudit::audit::testing::FactsBuilder;

namespace {

// Names as the kernels' tables spell them, and edge cases of the rules.
const std::vector<std::string> kNames = {
    "fadvise64", "fadvise64_64", "arm_fadvise64_64", "sync_file_range", "sync_file_range2", "arm_sync_file_range",
    "fstatat64", "newfstatat", "fstatat", "rt_sigaction", "sigaction", "clock_gettime", "clock_gettime64",
    "riscv_flush_icache", "_llseek", "llseek", "_newselect", "ugetrlimit", "stat64", "pipe2", "eventfd2", "mmap2",
    "s390_runtime_instr", "arm_rt_sigreturn", "utimensat_time64", "recvmmsg_time32", "ppc_select", "arm_", "rt_",
    "64", "2", "arm_64", "rt_64", "x_64_64", "arm_arm_fadvise64", "mips_rt_sigaction64", "_time64", "u",
};

std::vector<std::string> sorted(std::span<const std::string_view> views) {
    std::vector<std::string> out(views.begin(), views.end());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("syscall variants: the rules on real names", "[syscall-variants]") {
    CHECK(is_variant_of("fstatat64", "fstatat"));
    CHECK(is_variant_of("sync_file_range2", "sync_file_range"));
    CHECK(is_variant_of("arm_fadvise64_64", "fadvise64_64"));
    CHECK(is_variant_of("arm_fadvise64_64", "fadvise"));
    CHECK(is_variant_of("rt_sigaction", "sigaction"));
    CHECK(is_variant_of("clock_gettime64", "clock_gettime"));
    CHECK(is_variant_of("utimensat_time64", "utimensat"));
    CHECK_FALSE(is_variant_of("fstatat", "fstatat"));      // the name itself
    CHECK_FALSE(is_variant_of("newfstatat", "fstatat"));   // a rename, not a variant
    CHECK_FALSE(is_variant_of("pipe", "pipe2"));
    CHECK_FALSE(is_variant_of("sigaction3", "sigaction"));  // no such suffix
    CHECK(is_rename_of("newfstatat", "fstatat"));
    CHECK(is_rename_of("_newselect", "select"));
    CHECK(is_rename_of("ugetrlimit", "getrlimit"));
    CHECK(is_rename_of("_llseek", "llseek"));
    CHECK_FALSE(is_rename_of("fstatat", "fstatat"));
    CHECK_FALSE(is_rename_of("xgetrlimit", "getrlimit"));
}

TEST_CASE("syscall variants: variant_bases is exactly the names is_variant_of accepts", "[syscall-variants]") {
    // A variant spells its base inside it, so every substring of a candidate
    // is every name that could be its base: the comparison is exhaustive.
    for (const std::string& candidate : kNames) {
        const auto bases = variant_bases(candidate);
        for (std::size_t at = 0; at < candidate.size(); ++at)
            for (std::size_t length = 1; at + length <= candidate.size(); ++length) {
                const std::string_view name = std::string_view(candidate).substr(at, length);
                INFO(candidate << " / " << name);
                CHECK(is_variant_of(candidate, name) == (std::find(bases.begin(), bases.end(), name) != bases.end()));
            }
    }
}

TEST_CASE("syscall variants: an ABI's implemented calls filed by the call they stand for", "[syscall-variants]") {
    const archdata::ArchFacts arm = FactsBuilder("arm")
                                        .syscall("arm_fadvise64_64", 270)
                                        .syscall("fstatat64", 327)
                                        .syscall("sync_file_range2", 341)
                                        .reserved("fadvise64", 271)  // a reserved slot stands for nothing
                                        .syscall("_newselect", 142)
                                        .syscall("ugetrlimit", 191)
                                        .syscall("rt_sigaction", 174)
                                        .build();
    const SyscallVariants variants(arm);
    CHECK(sorted(variants.variants_of("fadvise64_64")) == std::vector<std::string>{"arm_fadvise64_64"});
    CHECK(sorted(variants.variants_of("fadvise")) == std::vector<std::string>{"arm_fadvise64_64"});
    CHECK(sorted(variants.variants_of("fstatat")) == std::vector<std::string>{"fstatat64"});
    CHECK(sorted(variants.variants_of("sigaction")) == std::vector<std::string>{"rt_sigaction"});
    CHECK(variants.variants_of("fadvise64").empty());
    CHECK(variants.variants_of("open").empty());
    CHECK(sorted(variants.renames_of("select")) == std::vector<std::string>{"_newselect"});
    CHECK(sorted(variants.renames_of("newselect")) == std::vector<std::string>{"_newselect"});
    CHECK(sorted(variants.renames_of("getrlimit")) == std::vector<std::string>{"ugetrlimit"});
    CHECK(variants.renames_of("fstatat").empty());
    // Filed under every call it stands for.
    const archdata::ArchFacts x86_64 = FactsBuilder("x86_64").syscall("fadvise64_64", 1).build();
    const SyscallVariants both(x86_64);
    CHECK(sorted(both.variants_of("fadvise")) == std::vector<std::string>{"fadvise64_64"});
    CHECK(sorted(both.variants_of("fadvise64_")) == std::vector<std::string>{"fadvise64_64"});
}

TEST_CASE("syscall variants: the facts memo answers for its own facts only", "[syscall-variants]") {
    const std::vector<archdata::ArchFacts> facts = {FactsBuilder("arm").syscall("fstatat64", 327).build(),
                                                    FactsBuilder("x86_64").syscall("newfstatat", 262).build()};
    const FactsMemo memo(facts);
    CHECK(&memo.syscall_variants(0) == &memo.syscall_variants(0));  // worked out once
    CHECK(sorted(memo.syscall_variants(0).variants_of("fstatat")) == std::vector<std::string>{"fstatat64"});
    CHECK(sorted(memo.syscall_variants(1).renames_of("fstatat")) == std::vector<std::string>{"newfstatat"});

    AuditContext context{facts};
    context.facts_memo = &memo;
    std::unique_ptr<FactsMemo> own;
    CHECK(&facts_memo(context, own) == &memo);
    CHECK_FALSE(own);
    // A context over other facts gets a memo of its own.
    const std::vector<archdata::ArchFacts> other = {facts[1]};
    AuditContext other_context{other};
    other_context.facts_memo = &memo;
    const FactsMemo& made = facts_memo(other_context, own);
    CHECK(&made == own.get());
    CHECK(made.is_for(other));
    CHECK(sorted(made.syscall_variants(0).renames_of("fstatat")) == std::vector<std::string>{"newfstatat"});
}
