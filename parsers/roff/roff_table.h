// Reading a tbl(1) table (.TS ... .TE) into table, row and cell nodes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parsers/roff/man_macros.h"
#include "parsers/roff/roff_escape.h"
#include "parsers/roff/roff_lexer.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

class TableReader {
public:
    /// Reads from lines[next]: the line after .TS.
    TableReader(const std::vector<SourceLine>& lines, std::size_t next, EscapeState& escapes, DiagnosticSink& sink,
                std::string section, bool nofill)
        : lines_(lines), index_(next), escapes_(escapes), sink_(sink), section_(std::move(section)), nofill_(nofill) {}

    /// The table node; `ts` is the .TS line.
    std::unique_ptr<Node> read(const SourceLine& ts, int column);

    /// The first line after the table (after .TE, or where reading stopped).
    std::size_t next_index() const { return index_; }

private:
    std::unique_ptr<Node> make(NodeType type, int line, int column) const;
    void read_format(Node& table);
    void read_row(Node& table, const SourceLine& line);
    /// Reads a T{ ... T} text block into `cell`; returns what follows T} on its line.
    std::string read_text_block(Node& cell, const SourceLine& opening);
    void add_text(Node& parent, std::string_view raw, int line, int column);
    void add_font_macro(Node& parent, const MacroInfo& info, const ControlLine& parsed, int line);
    bool stops_table(std::string_view text) const;

    const std::vector<SourceLine>& lines_;
    std::size_t index_;
    EscapeState& escapes_;
    DiagnosticSink& sink_;
    std::string section_;
    bool nofill_;
    char tab_ = '\t';
    bool closed_ = false;
    int ts_line_ = 0;
};

}  // namespace manaudit::roff
