// One row per macro; the parser looks them up by name.
//
// Each row carries the macro's behaviour, not only its name: the flags say
// what it shares with other macros (breaking a pending scope, resetting the
// font, ...) and the handler does what is its own. The parser applies the
// flags and calls the handler, so a macro's behaviour is read in one place
// and a new macro is one row, most often with an existing handler.
#include "parsers/roff/man_macros.h"

#include <array>
#include <cstdint>

#include "parsers/roff/man_parser_state.h"

namespace manaudit::roff {

const MacroInfo* find_macro(std::string_view name) {
    // Local names: in a unity build, names at namespace scope meet the
    // neighbouring files'.
    using P = ManParser;
    using namespace macro_flag;

    // A block macro: it breaks a pending scope and starts in roman.
    constexpr unsigned block = breaks_scope | resets_font;
    // A heading also ends no-fill mode.
    constexpr unsigned heading = block | ends_nofill;
    // A roff request kept as a node with its arguments, not interpreted further.
    constexpr unsigned kept_request = request | keeps_args;

    static constexpr std::array kMacros = {
        // Document structure.
        MacroInfo{"TH", &P::title, keeps_args, ""},             // title section date source manual
        MacroInfo{"SH", &P::section, heading, ""},              // section heading, args or next line
        MacroInfo{"SS", &P::subsection, heading, ""},           // subsection heading
        // Paragraphs.
        MacroInfo{"PP", &P::paragraph, block, ""},              // new paragraph
        MacroInfo{"P", &P::paragraph, block, ""},               // same as PP
        MacroInfo{"LP", &P::paragraph, block, ""},              // same as PP
        MacroInfo{"HP", &P::paragraph, block, ""},              // hanging paragraph (deprecated)
        MacroInfo{"TP", &P::tagged, block | keeps_args, ""},    // tagged paragraph, tag on next line
        MacroInfo{"TQ", &P::tagged, block | keeps_args, ""},    // another tag for the same paragraph
        MacroInfo{"IP", &P::indented, block | keeps_args, ""},  // indented paragraph, tag as argument
        MacroInfo{"RS", &P::indent_begin, breaks_scope | keeps_args, ""},  // start relative indent
        MacroInfo{"RE", &P::indent_end, breaks_scope, ""},      // end relative indent
        // Fonts: single letter = every argument in it, pairs alternate.
        MacroInfo{"B", &P::font, 0, "B"},                       // bold
        MacroInfo{"I", &P::font, 0, "I"},                       // italic
        MacroInfo{"SB", &P::font, 0, "B"},                      // small bold
        MacroInfo{"SM", &P::font, 0, "R"},                      // small
        MacroInfo{"BR", &P::font, 0, "BR"},                     // bold, roman alternating
        MacroInfo{"BI", &P::font, 0, "BI"},                     // bold, italic alternating
        MacroInfo{"IB", &P::font, 0, "IB"},                     // italic, bold alternating
        MacroInfo{"IR", &P::font, 0, "IR"},                     // italic, roman alternating
        MacroInfo{"RB", &P::font, 0, "RB"},                     // roman, bold alternating
        MacroInfo{"RI", &P::font, 0, "RI"},                     // roman, italic alternating
        // No-fill (code) regions.
        MacroInfo{"nf", &P::nofill_begin, 0, ""},               // no-fill mode
        MacroInfo{"EX", &P::example_begin, 0, ""},              // example: no-fill, monospace
        MacroInfo{"fi", &P::nofill_end, 0, ""},                 // back to fill mode
        MacroInfo{"EE", &P::nofill_end, 0, ""},                 // end of example
        // Links.
        MacroInfo{"UR", &P::link_begin, keeps_args, ""},        // URL start
        MacroInfo{"UE", &P::link_end, 0, ""},                   // URL end
        MacroInfo{"MT", &P::link_begin, keeps_args, ""},        // mail address start
        MacroInfo{"ME", &P::link_end, 0, ""},                   // mail address end
        // Tables (tbl preprocessor).
        MacroInfo{"TS", &P::table_begin, 0, ""},                // table start
        MacroInfo{"TE", &P::table_end, 0, ""},                  // table end (outside a table: misplaced)
        // roff requests tolerated without breaking the tree.
        MacroInfo{"if", &P::conditional, kept_request, ""},     // conditional
        MacroInfo{"ie", &P::conditional, kept_request, ""},     // if with else
        MacroInfo{"el", &P::conditional, kept_request, ""},     // else
        MacroInfo{"de", &P::define_macro, kept_request, ""},    // define macro up to ..
        MacroInfo{"am", &P::define_macro, kept_request, ""},    // append to macro up to ..
        MacroInfo{"ds", &P::define_string, kept_request, ""},   // define string
        MacroInfo{"nr", &P::keep, kept_request, ""},            // number register
        MacroInfo{"so", &P::keep, kept_request, ""},            // source another page (an alias)
        // Layout requests: they change spacing or adjusting, never text.
        MacroInfo{"sp", &P::keep, keeps_args, ""},              // vertical space
        MacroInfo{"br", &P::keep, keeps_args, ""},              // line break
        MacroInfo{"in", &P::keep, keeps_args, ""},              // indent
        MacroInfo{"ad", &P::keep, keeps_args, ""},              // adjust mode
        MacroInfo{"na", &P::keep, keeps_args, ""},              // no adjusting
        MacroInfo{"nh", &P::keep, keeps_args, ""},              // no hyphenation
        MacroInfo{"hy", &P::keep, keeps_args, ""},              // hyphenation
        MacroInfo{"ne", &P::keep, keeps_args, ""},              // need vertical space
        MacroInfo{"ti", &P::keep, keeps_args, ""},              // temporary indent
        MacroInfo{"ta", &P::keep, keeps_args, ""},              // tab stops
        MacroInfo{"ft", &P::keep, keeps_args, ""},              // font for following text
        MacroInfo{"ll", &P::keep, keeps_args, ""},              // line length
        MacroInfo{"ce", &P::keep, keeps_args, ""},              // center lines
        MacroInfo{"ns", &P::keep, keeps_args, ""},              // no-space mode
        MacroInfo{"rs", &P::keep, keeps_args, ""},              // restore spacing
        MacroInfo{"PD", &P::keep, keeps_args, ""},              // paragraph distance
        MacroInfo{"DT", &P::keep, keeps_args, ""},              // default tabs
        MacroInfo{"UC", &P::keep, keeps_args, ""},              // BSD version (obsolete)
        MacroInfo{"AT", &P::keep, keeps_args, ""},              // AT&T version (obsolete)
        MacroInfo{"OP", &P::keep, kept_request, ""},            // command-line option
        MacroInfo{"SY", &P::keep, kept_request, ""},            // command synopsis start
        MacroInfo{"YS", &P::keep, kept_request, ""},            // command synopsis end
        MacroInfo{"MR", &P::font, 0, "IR"},                     // man page reference: name(section)
        MacroInfo{"cc", &P::keep, kept_request, ""},            // control character
        MacroInfo{"ec", &P::keep, kept_request, ""},            // escape character
        MacroInfo{"eo", &P::keep, kept_request, ""},            // escapes off
        MacroInfo{"rm", &P::keep, kept_request, ""},            // remove macro
        MacroInfo{"tr", &P::keep, kept_request, ""},            // translate characters
        MacroInfo{"mso", &P::keep, kept_request, ""},           // load macro file
        MacroInfo{"lf", &P::keep, kept_request, ""},            // line number
        MacroInfo{"pc", &P::keep, kept_request, ""},            // page number character
        MacroInfo{"bp", &P::keep, keeps_args, ""},              // page break
        MacroInfo{"fl", &P::keep, keeps_args, ""},              // flush output
        MacroInfo{"ig", &P::ignore_input, kept_request, ""},    // ignore input up to ..
        MacroInfo{"\\}", &P::keep, kept_request, ""},           // closes a conditional block
    };

    // Every control line is looked up, so the table is indexed once, by a
    // hash as short as the names (a byte or two): open addressing in a table
    // four times as large as the macros.
    constexpr std::size_t kSlots = 512;
    static_assert(kSlots >= 4 * kMacros.size());
    auto slot_of = [](std::string_view n) {
        std::uint32_t h = static_cast<std::uint32_t>(n.size());
        for (char c : n) h = h * 131 + static_cast<unsigned char>(c);
        return static_cast<std::size_t>(h * 2654435761U >> 23) & (kSlots - 1);
    };
    static const std::array<const MacroInfo*, kSlots> by_name = [&] {
        std::array<const MacroInfo*, kSlots> index{};
        for (const MacroInfo& m : kMacros) {
            std::size_t at = slot_of(m.name);
            while (index[at] && index[at]->name != m.name) at = (at + 1) & (kSlots - 1);
            if (!index[at]) index[at] = &m;  // the first of a name wins, as a map's emplace would
        }
        return index;
    }();
    for (std::size_t at = slot_of(name); by_name[at]; at = (at + 1) & (kSlots - 1))
        if (by_name[at]->name == name) return by_name[at];
    return nullptr;
}

}  // namespace manaudit::roff
