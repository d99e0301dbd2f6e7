// The Page model: what one man page says, each item with its 1-based source line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::manpages {

/// A run of text as the reader sees it, in one block (paragraph, tagged
/// paragraph, table row or code block). Blocks are the unit the audit uses to
/// decide whether a fact is "already documented" nearby.
struct Block {
    enum class Kind { paragraph, tagged, table_row, code, comment };
    Kind kind = Kind::paragraph;
    std::string section;     ///< enclosing .SH, upper case as written ("ERRORS")
    std::string subsection;  ///< enclosing .SS, empty if none
    std::string tag;         ///< visible tag text of .TP/.IP, empty otherwise
    std::string text;        ///< visible text (escapes resolved, fonts dropped)
    int first_line = 0;
    int last_line = 0;
    std::vector<std::string> sentences;         ///< text's sentences (none for comments)
    std::vector<std::string> tagged_sentences;  ///< tag and text's, when there is a tag
};

/// The sentences of everything the reader sees in a block, tag first.
inline const std::vector<std::string>& visible_sentences(const Block& block) {
    return block.tag.empty() ? block.sentences : block.tagged_sentences;
}

struct Include {
    std::string header;  ///< "fcntl.h", "linux/openat2.h"
    int line = 0;
};

struct Parameter {
    std::string type;  ///< "const char *", "int", "struct stat *", "void (*)(int)"
    std::string name;  ///< "pathname"; empty if unnamed or "..."
    std::string text;  ///< as written, whitespace normalized
};

struct Prototype {
    std::string text;         ///< the whole declaration, whitespace normalized
    std::string return_type;  ///< "int", "ssize_t", "void *"
    std::string name;         ///< "open"; "syscall" for the SYS_x form
    std::vector<Parameter> params;
    bool variadic = false;
    std::string syscall_name;  ///< "readdir" for syscall(SYS_readdir, ...); else empty
    bool deprecated = false;   ///< declared `[[deprecated]]`
    int line = 0;
};

/// One .TP/.IP tag in ERRORS: a tag may name several errnos.
struct ErrnoTag {
    std::vector<std::string> names;  ///< {"EAGAIN", "EWOULDBLOCK"}
    std::string qualifier;           ///< "(openat())", "(for fork())"; empty if none
    std::string text;                ///< the paragraph's visible text
    int line = 0;                    ///< line of the tag
    int block = -1;                  ///< index into Page::blocks of the tagged paragraph
};

/// An upper-case identifier shown in bold (O_DIRECT, MAP_32BIT, SIGSEGV).
struct ConstantRef {
    std::string name;
    int line = 0;
    int block = -1;     ///< index into Page::blocks
    bool in_tag = false;  ///< it is (part of) the tag of a tagged paragraph
};

/// A struct shown in a code block: `struct x { ... };`.
struct StructField {
    std::string type;
    std::string name;  ///< without array suffix
    std::string array; ///< "[1]", "" if not an array
    int line = 0;
};
struct CodeStruct {
    std::string name;  ///< "epoll_event"
    std::string text;  ///< the declaration as shown
    std::vector<StructField> fields;
    std::string attributes;  ///< e.g. "__attribute__((packed))" when shown
    int line = 0;            ///< line of `struct x {`
    int block = -1;
};

/// A mention of an architecture, mapped to a canonical mention id from the
/// arch table ("x86-64", "x86", "i386", "arm64", "mips", ...).
struct ArchMention {
    std::string mention_id;
    std::string spelling;  ///< as written: "x86-64", "AArch64"
    std::string sentence;  ///< the visible sentence (or comment line) holding it
    int line = 0;
    int block = -1;
    bool in_comment = false;  ///< a roff comment, not shown to readers
};

/// A number shown in the page next to a name (`#define X 0x10`, "EAGAIN (11)",
/// a table cell), for checks that compare stated values.
struct StatedValue {
    std::string name;
    std::string value_text;  ///< as written: "0x5401", "11"
    long long value = 0;
    int line = 0;
    int block = -1;
};

/// A row of the syscalls(2) table.
struct SyscallsTableRow {
    std::string name;         ///< "cacheflush"
    std::string section;      ///< "2"
    std::string kernel;       ///< "1.2"
    std::string notes;        ///< "Not on x86"
    int line = 0;
};

/// What one physical source line is, as the parser read it.
enum class LineKind : std::uint8_t {
    /// `.` alone, which does nothing. (Every other line is named by the
    /// parser; this is what a line no node claims is left as.)
    empty_request,
    blank,         ///< no bytes (a paragraph break in fill mode)
    /// Input text: words, a tag, a title, a table row, a code line; also a
    /// font macro inside a table's T{ block, which the table reader keeps
    /// only as the text it shows.
    text,
    control,       ///< a macro or request line; SourceLayout::macro names it
    comment,       ///< nothing but a comment: `.\" x`, `\" x`
    continuation,  ///< belongs to the line before: after an escaped newline, or a
                   ///< request's body (.de/.am/.ig up to `..`, a conditional's block)
    table_layout,  ///< inside .TS/.TE but no row: options, format lines, rules
};

/// One physical source line. Kept small: a page has one per line.
struct SourceLineInfo {
    std::uint32_t offset = 0;  ///< where the line starts in Page::source (pages are read capped far below 4 GiB)
    std::uint32_t macro = 0;   ///< index into SourceLayout::macro_names; 0 for none
    LineKind kind = LineKind::empty_request;
    /// A macro that applies to the next input line, so nothing may be put
    /// between them: `.TP`/`.TQ` (the tag), a heading or font macro given no
    /// arguments.
    bool binds_next = false;
    bool has_comment = false;  ///< a comment ends the line (or is all of it)
};

/// A `.SH` or `.SS` heading.
struct SourceHeading {
    int line = 0;  ///< of the macro
    bool subsection = false;
    std::string title;  ///< as the parser read it, escapes resolved: "SEE ALSO"
};

/// A roff comment: `.\" text`, or `\" text` after text or arguments.
struct SourceComment {
    int line = 0;
    std::string text;  ///< without the `\"` marker
};

/// Where things are in Page::source, from the parser's tree, for edits that
/// must land between the right lines and for finding a line by its bytes.
struct SourceLayout {
    std::vector<SourceLineInfo> lines;      ///< lines[0] is line 1
    std::vector<std::string> macro_names;   ///< distinct names of the page; [0] is ""
    std::vector<SourceHeading> headings;    ///< in source order
    std::vector<SourceComment> comments;    ///< in source order

    int line_count() const { return static_cast<int>(lines.size()); }
    /// `line` is 1-based and must be within 1..line_count().
    const SourceLineInfo& at(int line) const { return lines[static_cast<std::size_t>(line - 1)]; }
    LineKind kind(int line) const { return at(line).kind; }
    /// The macro or request on a control line ("TP", "nf"); empty otherwise.
    std::string_view macro(int line) const { return macro_names[at(line).macro]; }
    /// The comment on `line`, or nullptr.
    const SourceComment* comment_on(int line) const;
};

struct Page {
    std::string path;     ///< relative to the tree root: "man2/open.2"
    std::string title;    ///< from .TH: "open"
    std::string section;  ///< from .TH: "2", "3type"
    std::vector<std::string> names;  ///< from NAME: {"open", "openat", "creat"}
    int name_line = 0;
    std::string summary;  ///< NAME text after \-
    std::vector<std::string> aliases;  ///< alias paths that resolve to this page
    std::vector<Include> includes;
    std::vector<Prototype> prototypes;
    std::vector<std::string> feature_test_macros;  ///< raw lines of the FTM block
    std::vector<ErrnoTag> errors;
    std::vector<ConstantRef> constants;
    std::vector<CodeStruct> structs;
    std::vector<ArchMention> arch_mentions;
    std::vector<StatedValue> stated_values;
    std::vector<SyscallsTableRow> syscalls_table;
    std::vector<Block> blocks;
    std::string source;  ///< exact source bytes, for byte-exact patches
    SourceLayout layout;  ///< what each line of `source` is, from the parser
};

/// Line `line` (1-based, within the layout) of the page's source, without
/// its '\n' (a '\r' before it stays).
std::string_view source_line(const Page& page, int line);

}  // namespace manaudit::manpages
