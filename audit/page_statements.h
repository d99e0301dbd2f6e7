// What a page says of a call besides where it exists: the kernel build
// option it needs, and the call the C library's wrapper makes instead.
#pragma once

#include <set>
#include <string>

#include "manpages/page.h"

namespace manaudit::audit {

/// The kernel build option the page makes `name` depend on ("This system
/// call is available only if the kernel was configured with
/// CONFIG_KEXEC_FILE"): the first CONFIG_ name in a visible sentence that
/// names the call, or says "this system call" under a subsection naming it
/// or on a page of one call. Empty when the page ties it to none.
std::string kernel_option_for_call(const manpages::Page& page, const std::string& name, bool only_call);

/// The CONFIG_ name a list item makes its subject depend on: the tagged
/// paragraph at `block` (a constant's) and the untagged paragraphs that
/// continue it. Empty when it names none.
std::string kernel_option_in_item(const manpages::Page& page, int block);

/// The call, as the page spells it, that the page says the C library's
/// wrapper of `name` makes instead of the system call ("the glibc fork()
/// wrapper ... invokes clone(2)"): one of `candidates` (kernel names; the
/// library's spelling without "rt_" or a trailing "64" counts too), named in a
/// sentence that names `name` and the C library. Empty when the page says none.
std::string wrapper_call_for(const manpages::Page& page, const std::string& name,
                             const std::set<std::string>& candidates);

}  // namespace manaudit::audit
