// Resolving roff escapes into the text a reader sees, with font runs.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "base/diagnostic.h"
#include "parsers/roff/diagnostic_sink.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

/// Bytes of `.ds` string bodies one page may expand in all. Nested strings
/// grow exponentially (ten references to a string of ten references...), so
/// the depth limit alone does not bound the work; real pages use a few KB.
inline constexpr std::size_t kStringExpansionBudget = std::size_t{1} << 20;

/// State carried from one line to the next: fonts and `.ds` strings.
struct EscapeState {
    Font font = Font::roman;
    Font previous_font = Font::roman;
    std::unordered_map<std::string, std::string> strings;  ///< from .ds
    std::size_t expansion_budget = kStringExpansionBudget;  ///< what is left for this page
    bool expansion_exhausted = false;                        ///< reported once per page
    bool recursion_reported = false;                         ///< likewise
};

/// What a piece of input renders to.
struct Rendered {
    std::string text;
    std::vector<FontSpan> spans;
    bool joins_next = false;   ///< ended in \c
    bool has_comment = false;  ///< a \" comment started
    std::string comment;
    int comment_column = 0;
};

/// Where `input` sits in the file, for messages.
struct SourcePlace {
    int line = 0;
    int column = 1;
};

/// Resolves escapes in `input`, appending to `out`. Fonts changed by \f stay
/// changed in `state` (they carry over to the next line, as in roff).
void render_escapes(std::string_view input, EscapeState& state, Rendered& out, DiagnosticSink& sink,
                    SourcePlace place);

/// The visible text of a special character name (`\(em`, `\[aq]`, `\[u2014]`);
/// empty if unknown.
std::string special_character(std::string_view name);

}  // namespace manaudit::roff
