// One row per macro; the parser looks them up by name.
#include "parsers/roff/man_macros.h"

#include <array>
#include <unordered_map>

namespace manaudit::roff {

namespace {

constexpr std::array kMacros = {
    // Document structure.
    MacroInfo{"TH", MacroKind::title, ""},            // title section date source manual
    MacroInfo{"SH", MacroKind::section, ""},          // section heading, args or next line
    MacroInfo{"SS", MacroKind::subsection, ""},       // subsection heading
    // Paragraphs.
    MacroInfo{"PP", MacroKind::paragraph, ""},        // new paragraph
    MacroInfo{"P", MacroKind::paragraph, ""},         // same as PP
    MacroInfo{"LP", MacroKind::paragraph, ""},        // same as PP
    MacroInfo{"HP", MacroKind::paragraph, ""},        // hanging paragraph (deprecated)
    MacroInfo{"TP", MacroKind::tagged, ""},           // tagged paragraph, tag on next line
    MacroInfo{"TQ", MacroKind::tagged, ""},           // another tag for the same paragraph
    MacroInfo{"IP", MacroKind::indented, ""},         // indented paragraph, tag as argument
    MacroInfo{"RS", MacroKind::indent_begin, ""},     // start relative indent
    MacroInfo{"RE", MacroKind::indent_end, ""},       // end relative indent
    // Fonts: single letter = every argument in it, pairs alternate.
    MacroInfo{"B", MacroKind::font, "B"},             // bold
    MacroInfo{"I", MacroKind::font, "I"},             // italic
    MacroInfo{"SB", MacroKind::font, "B"},            // small bold
    MacroInfo{"SM", MacroKind::font, "R"},            // small
    MacroInfo{"BR", MacroKind::font, "BR"},           // bold, roman alternating
    MacroInfo{"BI", MacroKind::font, "BI"},           // bold, italic alternating
    MacroInfo{"IB", MacroKind::font, "IB"},           // italic, bold alternating
    MacroInfo{"IR", MacroKind::font, "IR"},           // italic, roman alternating
    MacroInfo{"RB", MacroKind::font, "RB"},           // roman, bold alternating
    MacroInfo{"RI", MacroKind::font, "RI"},           // roman, italic alternating
    // No-fill (code) regions.
    MacroInfo{"nf", MacroKind::nofill_begin, ""},     // no-fill mode
    MacroInfo{"EX", MacroKind::nofill_begin, ""},     // example: no-fill, monospace
    MacroInfo{"fi", MacroKind::nofill_end, ""},       // back to fill mode
    MacroInfo{"EE", MacroKind::nofill_end, ""},       // end of example
    // Links.
    MacroInfo{"UR", MacroKind::link_begin, ""},       // URL start
    MacroInfo{"UE", MacroKind::link_end, ""},         // URL end
    MacroInfo{"MT", MacroKind::link_begin, ""},       // mail address start
    MacroInfo{"ME", MacroKind::link_end, ""},         // mail address end
    // Tables (tbl preprocessor).
    MacroInfo{"TS", MacroKind::table_begin, ""},      // table start
    MacroInfo{"TE", MacroKind::table_end, ""},        // table end
    // roff requests tolerated without breaking the tree.
    MacroInfo{"if", MacroKind::conditional, ""},      // conditional
    MacroInfo{"ie", MacroKind::conditional, ""},      // if with else
    MacroInfo{"el", MacroKind::conditional, ""},      // else
    MacroInfo{"de", MacroKind::define_macro, ""},     // define macro up to ..
    MacroInfo{"am", MacroKind::define_macro, ""},     // append to macro up to ..
    MacroInfo{"ds", MacroKind::define_string, ""},    // define string
    MacroInfo{"nr", MacroKind::tolerated, ""},        // number register
    MacroInfo{"so", MacroKind::tolerated, ""},        // source another page (an alias)
    // Layout requests: they change spacing or adjusting, never text.
    MacroInfo{"sp", MacroKind::layout, ""},           // vertical space
    MacroInfo{"br", MacroKind::layout, ""},           // line break
    MacroInfo{"in", MacroKind::layout, ""},           // indent
    MacroInfo{"ad", MacroKind::layout, ""},           // adjust mode
    MacroInfo{"na", MacroKind::layout, ""},           // no adjusting
    MacroInfo{"nh", MacroKind::layout, ""},           // no hyphenation
    MacroInfo{"hy", MacroKind::layout, ""},           // hyphenation
    MacroInfo{"ne", MacroKind::layout, ""},           // need vertical space
    MacroInfo{"ti", MacroKind::layout, ""},           // temporary indent
    MacroInfo{"ta", MacroKind::layout, ""},           // tab stops
    MacroInfo{"ft", MacroKind::layout, ""},           // font for following text
    MacroInfo{"ll", MacroKind::layout, ""},           // line length
    MacroInfo{"ce", MacroKind::layout, ""},           // center lines
    MacroInfo{"ns", MacroKind::layout, ""},           // no-space mode
    MacroInfo{"rs", MacroKind::layout, ""},           // restore spacing
    MacroInfo{"PD", MacroKind::layout, ""},           // paragraph distance
    MacroInfo{"DT", MacroKind::layout, ""},           // default tabs
    MacroInfo{"UC", MacroKind::layout, ""},           // BSD version (obsolete)
    MacroInfo{"AT", MacroKind::layout, ""},           // AT&T version (obsolete)
    MacroInfo{"OP", MacroKind::tolerated, ""},        // command-line option
    MacroInfo{"SY", MacroKind::tolerated, ""},        // command synopsis start
    MacroInfo{"YS", MacroKind::tolerated, ""},        // command synopsis end
    MacroInfo{"MR", MacroKind::font, "IR"},           // man page reference: name(section)
    MacroInfo{"cc", MacroKind::tolerated, ""},        // control character
    MacroInfo{"ec", MacroKind::tolerated, ""},        // escape character
    MacroInfo{"eo", MacroKind::tolerated, ""},        // escapes off
    MacroInfo{"rm", MacroKind::tolerated, ""},        // remove macro
    MacroInfo{"tr", MacroKind::tolerated, ""},        // translate characters
    MacroInfo{"mso", MacroKind::tolerated, ""},       // load macro file
    MacroInfo{"lf", MacroKind::tolerated, ""},        // line number
    MacroInfo{"pc", MacroKind::tolerated, ""},        // page number character
    MacroInfo{"bp", MacroKind::layout, ""},           // page break
    MacroInfo{"fl", MacroKind::layout, ""},           // flush output
    MacroInfo{"ig", MacroKind::define_macro, ""},     // ignore input up to ..
    MacroInfo{"\\}", MacroKind::tolerated, ""},       // closes a conditional block
};

}  // namespace

const MacroInfo* find_macro(std::string_view name) {
    // Every control line is looked up, so the table is indexed once.
    static const std::unordered_map<std::string_view, const MacroInfo*> by_name = [] {
        std::unordered_map<std::string_view, const MacroInfo*> index;
        for (const MacroInfo& m : kMacros) index.emplace(m.name, &m);
        return index;
    }();
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : it->second;
}

}  // namespace manaudit::roff
