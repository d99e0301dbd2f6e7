// Sentences that state a condition in x86 terms alone ("the file must
// contain an x86 kernel") on a page whose call other architectures have.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"
#include "manpages/page.h"

namespace manaudit::audit {

struct X86Condition {
    std::string sentence;          ///< visible text of the sentence
    std::string spelled;           ///< the x86 words as written ("an x86 kernel")
    std::string tag;               ///< the tagged paragraph's tag ("ENOEXEC"), if any
    int line = 0;                  ///< source line holding the arch name
    std::vector<std::string> subjects;  ///< the page's calls the paragraph is about
};

/// Every such sentence of the page; `facts` decide which names are syscalls.
std::vector<X86Condition> find_x86_conditions(const manpages::Page& page, std::span<const archdata::ArchFacts> facts);
/// The same, given the page's syscall names (page_syscall_names).
std::vector<X86Condition> find_x86_conditions(const manpages::Page& page, const std::vector<std::string>& calls);

}  // namespace manaudit::audit
