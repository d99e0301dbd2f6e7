// Numbers a page states for names: "EAGAIN (11)", "#define O_CLOEXEC 02000000".
#pragma once

#include <cstdint>
#include <vector>

#include "manpages/page.h"

namespace manaudit::audit {

/// The page's stated values: those the page model found, plus the `NAME (N)`
/// and `#define NAME N` forms in visible blocks. One entry per name, value and line.
std::vector<manpages::StatedValue> gather_stated_values(const manpages::Page& page);

/// True if a stated number and a header value are the same bits (a 32-bit
/// value written in hex matches its sign-extended form).
bool same_value(long long stated, std::int64_t actual);

}  // namespace manaudit::audit
