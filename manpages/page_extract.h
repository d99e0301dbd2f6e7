// The extractors: each fills some Page fields from the page's blocks.
#pragma once

#include "manpages/page.h"
#include "manpages/page_text.h"

namespace manaudit::manpages {

void extract_names(const PageText& text, Page& page);           ///< title, section, NAME
void extract_synopsis(const PageText& text, Page& page);        ///< includes, prototypes, FTMs
void extract_errors(const PageText& text, Page& page);          ///< ERRORS tags
void extract_constants(const PageText& text, Page& page);       ///< bold upper-case identifiers
void extract_structs(const PageText& text, Page& page);         ///< struct x { ... }; in code
void extract_arch_mentions(const PageText& text, Page& page);   ///< architecture names
void extract_stated_values(const PageText& text, Page& page);   ///< numbers next to names
void extract_syscalls_table(const PageText& text, Page& page);  ///< syscalls(2)'s table

/// True for identifiers made of upper-case letters, digits and '_' that look
/// like a constant: O_CREAT, EAGAIN, SIGSEGV (not "I", not "A_").
bool looks_like_constant(std::string_view word);

}  // namespace manaudit::manpages
