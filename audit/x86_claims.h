// Sentences that say a syscall exists, or not, on x86 architectures alone.
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "manpages/page.h"

namespace manaudit::audit {

class FactsMemo;

/// "This system call does not exist on x86-64", "foo() is available only on i386".
struct X86ExistenceClaim {
    enum class Kind { absent_on, only_on };
    Kind kind = Kind::absent_on;
    std::string sentence;            ///< visible text of the sentence
    std::string source_line_text;    ///< exact source line holding the arch name
    int line = 0;                    ///< that line
    int column = 1;
    int block = -1;
    std::set<std::string> x86_abis;  ///< the ABIs the sentence names
    std::vector<std::string> subjects;  ///< syscalls it talks about
};

/// Every such sentence of the page. `facts` decide which names are syscalls.
std::vector<X86ExistenceClaim> find_x86_existence_claims(const manpages::Page& page,
                                                         std::span<const archdata::ArchFacts> facts);
/// The same, given the page's syscall names (page_syscall_names).
std::vector<X86ExistenceClaim> find_x86_existence_claims(const manpages::Page& page,
                                                         const std::vector<std::string>& own_syscalls);

/// Names of the page (NAME, SYNOPSIS syscall(SYS_x) forms) that are a syscall on some arch.
std::vector<std::string> page_syscall_names(const manpages::Page& page,
                                            std::span<const archdata::ArchFacts> facts);
/// The same, asking the facts memo instead of every ABI.
std::vector<std::string> page_syscall_names(const manpages::Page& page, const FactsMemo& memo);

/// The source line in [first, last] holding `needle`, or 0. Comment lines
/// are passed over: what they say is not what the reader sees.
int source_line_containing(const manpages::Page& page, int first, int last, const std::string& needle,
                           std::string* line_text = nullptr);

}  // namespace manaudit::audit
