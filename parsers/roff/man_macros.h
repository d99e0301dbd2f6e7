// The man(7) macro table: for each macro, what it does to the parser.
#pragma once

#include <string_view>

namespace manaudit::roff {

class ManParser;
struct MacroCall;

/// What is particular to a macro: a member of the parser, shared by the
/// macros that behave alike (.PP .P .LP .HP).
using MacroHandler = void (ManParser::*)(const MacroCall&);

/// Behaviour that many macros share. The parser applies a row's flags, in
/// this order, before it calls the row's handler.
namespace macro_flag {
/// Ends a pending next-line scope (a font macro or a heading waiting for
/// the next line), with a warning: blocks and layout boxes do.
inline constexpr unsigned breaks_scope = 1U << 0;
/// Sets the font back to roman (current and previous): a new block starts.
inline constexpr unsigned resets_font = 1U << 1;
/// Ends no-fill mode, with a warning: a heading ends a forgotten .nf/.EX.
inline constexpr unsigned ends_nofill = 1U << 2;
/// The macro's node keeps its arguments as written.
inline constexpr unsigned keeps_args = 1U << 3;
/// A roff request rather than a man(7) macro: its node is a request node.
inline constexpr unsigned request = 1U << 4;
}  // namespace macro_flag

struct MacroInfo {
    std::string_view name;
    MacroHandler handler;
    unsigned flags;
    /// For font macros: the fonts its arguments cycle through ("BR": bold,
    /// roman, bold, ...); a single letter means all arguments in that font,
    /// joined by spaces. Empty for every other macro.
    std::string_view fonts;

    bool has(unsigned flag) const { return (flags & flag) != 0; }
    bool is_font_macro() const { return !fonts.empty(); }
};

/// The row for `name`, or nullptr for a macro the table does not know.
const MacroInfo* find_macro(std::string_view name);

}  // namespace manaudit::roff
