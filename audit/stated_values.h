// Numbers a page states for names: "EAGAIN (11)", "#define O_CLOEXEC 02000000".
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "arch-data/arch_facts.h"

#include "manpages/page.h"

namespace manaudit::audit {

/// The page's stated values: those the page model found, plus the `NAME (N)`
/// and `#define NAME N` forms in visible blocks. One entry per name, value and line.
std::vector<manpages::StatedValue> gather_stated_values(const manpages::Page& page);

/// True if a stated number and a header value are the same bits (a 32-bit
/// value written in hex matches its sign-extended form).
bool same_value(long long stated, std::int64_t actual);

/// How the arches' values for a stated name compare with the stated number.
struct StatedComparison {
    bool known = false;               ///< some arch defines the name
    bool agrees = false;              ///< some arch has the stated value
    std::set<std::string> differing;  ///< arches defining it with another value
    std::string differing_values;     ///< "35 on alpha, 11 on mips-o32", in table order
};

/// Which table of ArchFacts a name is looked up in (errno_value or constant).
using ValueLookup = const archdata::Constant* (archdata::ArchFacts::*)(const std::string&) const;

StatedComparison compare_stated(const manpages::StatedValue& stated, std::span<const archdata::ArchFacts> facts,
                                ValueLookup lookup);

}  // namespace manaudit::audit
