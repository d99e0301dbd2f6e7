// The man(7) macro table: what each macro does to the tree.
#pragma once

#include <string_view>

namespace manaudit::roff {

enum class MacroKind {
    title,            ///< .TH
    section,          ///< .SH
    subsection,       ///< .SS
    paragraph,        ///< .PP .P .LP .HP
    tagged,           ///< .TP .TQ: the tag is the next line
    indented,         ///< .IP: the tag is the first argument
    indent_begin,     ///< .RS
    indent_end,       ///< .RE
    font,             ///< .B .I .BR ...: arguments in (alternating) fonts
    nofill_begin,     ///< .nf .EX
    nofill_end,       ///< .fi .EE
    link_begin,       ///< .UR .MT
    link_end,         ///< .UE .ME
    table_begin,      ///< .TS
    table_end,        ///< .TE (outside a table: misplaced)
    conditional,      ///< .if .ie .el
    define_macro,     ///< .de .am
    define_string,    ///< .ds
    layout,           ///< spacing, adjusting, hyphenation: kept, no text
    tolerated,        ///< other requests: kept, not interpreted
};

struct MacroInfo {
    std::string_view name;
    MacroKind kind;
    /// For font macros: the fonts its arguments cycle through ("BR": bold,
    /// roman, bold, ...); a single letter means all arguments in that font,
    /// joined by spaces.
    std::string_view fonts;
};

/// The row for `name`, or nullptr for a macro the table does not know.
const MacroInfo* find_macro(std::string_view name);

}  // namespace manaudit::roff
