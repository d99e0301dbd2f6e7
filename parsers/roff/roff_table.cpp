// tbl(1) tables: options, format lines, data rows, T{ T} text blocks.
#include "parsers/roff/roff_table.h"

#include "parsers/roff/man_macros.h"

namespace manaudit::roff {

std::unique_ptr<Node> TableReader::make(NodeType type, int line, int column) const {
    auto node = std::make_unique<Node>();
    node->type = type;
    node->line = line;
    node->last_line = line;
    node->column = column;
    node->section = section_;
    return node;
}

// A .SH inside a table means .TE went missing; stopping there keeps the rest
// of the page readable.
bool TableReader::stops_table(std::string_view text) const {
    if (text.size() < 3 || !is_control_line(text)) return false;
    ControlLine parsed = split_control_line(text);
    return parsed.name == "TE" || parsed.name == "SH" || parsed.name == "SS";
}

std::unique_ptr<Node> TableReader::read(const SourceLine& ts, int column) {
    ts_line_ = ts.line;
    auto table = make(NodeType::table, ts.line, column);
    table->name = "TS";
    read_format(*table);
    while (index_ < lines_.size()) {
        const SourceLine& line = lines_[index_];
        std::string_view text = line.text;
        if (stops_table(text)) {
            if (split_control_line(text).name == "TE") {
                ++index_;
                closed_ = true;
                table->last_line = line.line;
            }
            break;
        }
        ++index_;
        if (is_control_line(text)) {
            ControlLine parsed = split_control_line(text);
            if (parsed.name == "\\\"") {
                auto comment = make(NodeType::comment, line.line, parsed.comment_column);
                comment->text = parsed.comment;
                table->add(std::move(comment));
            } else if (parsed.name == "T&") {
                read_format(*table);
            } else {
                auto request = make(NodeType::request, line.line, parsed.name_column);
                request->name = parsed.name;
                request->args = parsed.args;
                table->add(std::move(request));
            }
            continue;
        }
        if (text.empty() || text == "_" || text == "=" || text == "\\_") continue;  // rules, blank lines
        read_row(*table, line);
        table->last_line = line.last_line;
    }
    if (!closed_)
        sink_.report(Severity::error, ts.line, column, "table opened with .TS here is not closed with .TE");
    return table;
}

void TableReader::read_format(Node& table) {
    // Options end in ';' (only on the first line); format lines end in '.'.
    bool first = true;
    while (index_ < lines_.size()) {
        const SourceLine& line = lines_[index_];
        std::string_view text = line.text;
        if (stops_table(text)) return;
        ++index_;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
        table.args.emplace_back(text);
        if (first && !text.empty() && text.back() == ';') {
            std::size_t tab_at = text.find("tab(");
            if (tab_at != std::string_view::npos && tab_at + 4 < text.size()) tab_ = text[tab_at + 4];
            first = false;
            continue;
        }
        first = false;
        if (!text.empty() && text.back() == '.') return;
    }
}

void TableReader::add_text(Node& parent, std::string_view raw, int line, int column) {
    Rendered rendered;
    render_escapes(raw, escapes_, rendered, sink_, {line, column});
    // Fonts do not leak from one cell to the next.
    escapes_.font = Font::roman;
    escapes_.previous_font = Font::roman;
    if (!rendered.text.empty() || !rendered.has_comment) {
        auto text = make(NodeType::text, line, column);
        text->text = std::move(rendered.text);
        text->spans = std::move(rendered.spans);
        text->joins_next = rendered.joins_next;
        text->nofill = nofill_;
        parent.add(std::move(text));
    }
    if (rendered.has_comment) {
        auto comment = make(NodeType::comment, line, rendered.comment_column);
        comment->text = std::move(rendered.comment);
        parent.add(std::move(comment));
    }
}

void TableReader::add_font_macro(Node& parent, const MacroInfo& info, const ControlLine& parsed, int line) {
    Rendered rendered;
    bool alternating = info.fonts.size() == 2;
    for (std::size_t i = 0; i < parsed.args.size(); ++i) {
        char letter = info.fonts[alternating ? i % 2 : 0];
        escapes_.font = letter == 'B' ? Font::bold : letter == 'I' ? Font::italic : Font::roman;
        if (!alternating && i > 0) render_escapes(" ", escapes_, rendered, sink_, {line, parsed.arg_columns[i]});
        render_escapes(parsed.args[i], escapes_, rendered, sink_, {line, parsed.arg_columns[i]});
    }
    escapes_.font = Font::roman;
    escapes_.previous_font = Font::roman;
    auto text = make(NodeType::text, line, parsed.arg_columns[0]);
    text->text = std::move(rendered.text);
    text->spans = std::move(rendered.spans);
    text->joins_next = rendered.joins_next;
    text->nofill = nofill_;
    parent.add(std::move(text));
}

void TableReader::read_row(Node& table, const SourceLine& line) {
    auto row = make(NodeType::table_row, line.line, 1);
    std::string rest(line.text);
    std::size_t offset = 0;  // column offset of `rest` in the line (0 after a T} line)
    int rest_line = line.line;
    while (true) {
        std::size_t tab = rest.find(tab_);
        std::string cell_text = rest.substr(0, tab);
        auto cell = make(NodeType::table_cell, rest_line, static_cast<int>(offset) + 1);
        if (cell_text == "T{") {
            std::string after = read_text_block(*cell, {rest_line, rest_line, rest, nullptr});
            cell->last_line = index_ > 0 ? lines_[index_ - 1].line : rest_line;
            row->last_line = cell->last_line;
            row->add(std::move(cell));
            // What follows T} on its line continues the row.
            if (after.empty() || after[0] != tab_) break;
            rest = after.substr(1);
            rest_line = row->last_line;
            offset = 3;
            continue;
        }
        add_text(*cell, cell_text, rest_line, static_cast<int>(offset) + 1);
        row->add(std::move(cell));
        if (tab == std::string::npos) break;
        offset += tab + 1;
        rest = rest.substr(tab + 1);
    }
    table.add(std::move(row));
}

std::string TableReader::read_text_block(Node& cell, const SourceLine& opening) {
    while (index_ < lines_.size()) {
        const SourceLine& line = lines_[index_];
        std::string_view text = line.text;
        if (text.substr(0, 2) == "T}") {
            ++index_;
            return std::string(text.substr(2));
        }
        if (stops_table(text)) break;
        ++index_;
        if (is_control_line(text)) {
            ControlLine parsed = split_control_line(text);
            if (parsed.name == "\\\"") {
                auto comment = make(NodeType::comment, line.line, parsed.comment_column);
                comment->text = parsed.comment;
                cell.add(std::move(comment));
                continue;
            }
            // Font macros inside text blocks show their arguments in their fonts.
            const MacroInfo* info = find_macro(parsed.name);
            if (info && info->is_font_macro() && !parsed.args.empty()) {
                add_font_macro(cell, *info, parsed, line.line);
                continue;
            }
            auto request = make(NodeType::request, line.line, parsed.name_column);
            request->name = parsed.name;
            request->args = parsed.args;
            cell.add(std::move(request));
            continue;
        }
        add_text(cell, text, line.line, 1);
    }
    sink_.report(Severity::error, opening.line, 1, "table text block T{ is not closed with T}");
    return {};
}

}  // namespace manaudit::roff
