// The C library's view for checks: what each ABI's glibc declares and
// defines, next to the kernel facts, and what pages ask of it.
#pragma once

#include <string>
#include <vector>

#include "arch-data/libc_facts.h"
#include "audit/check.h"
#include "audit/finding.h"
#include "manpages/page.h"

namespace manaudit::audit {

/// What `pages` document: their prototypes' functions (and the calls of
/// syscall(SYS_x, ...) forms), SYNOPSIS headers, the typedef names their
/// prototypes use, and the constants they name.
archdata::LibcWanted libc_wanted_from(const std::vector<manpages::Page>& pages);

/// The C-library facts of the ABI `arch_id`, or null when it has none.
const archdata::LibcFacts* libc_of(const AuditContext& context, const std::string& arch_id);

/// True when the C library of `arch_id` defines the constant `name` (the
/// reader's view: what a program including the page's headers sees).
bool libc_defines(const AuditContext& context, const std::string& arch_id, const std::string& name);

/// glibc's declaration of `name` on one ABI, as evidence: its prototype as
/// the header spells it, and where.
Evidence libc_function_evidence(const AuditContext& context, const std::string& arch_id, const std::string& name);

/// "int (const char *, int, ...)": a declaration as its header spells it.
std::string libc_signature(const archdata::LibcFunction& function);

/// True when the page's SYNOPSIS defines _FILE_OFFSET_BITS as 64: its
/// prototypes are read as such a program sees the headers.
bool page_wants_file_offset_64(const manpages::Page& page);

/// The C library a page's functions come from is not the C library: its
/// LIBRARY section names another one ("libnuma", "-lkeyutils").
bool page_uses_other_library(const manpages::Page& page);

}  // namespace manaudit::audit
