// Turning the node tree into blocks of visible text.
#include "manpages/page_text.h"

#include <algorithm>
#include <utility>

namespace manaudit::manpages {

int PageText::line_at(int block, std::size_t offset) const {
    const auto& runs = infos[static_cast<std::size_t>(block)].runs;
    if (runs.empty()) return blocks[static_cast<std::size_t>(block)].first_line;
    auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                               [](std::size_t off, const TextRun& run) { return off < run.offset; });
    if (it == runs.begin()) return runs.front().line;
    return std::prev(it)->line;
}

namespace {

using roff::Node;
using roff::NodeType;

// Bold runs split into words: identifiers and what sits between them.
void bold_words_of(const Node& text, std::vector<BoldWord>& out, bool in_tag) {
    for (const roff::FontSpan& span : text.spans) {
        if (span.font != roff::Font::bold && span.font != roff::Font::bold_italic) continue;
        std::string_view run = std::string_view(text.text).substr(span.begin, span.end - span.begin);
        std::size_t i = 0;
        while (i < run.size()) {
            auto word_char = [](char c) {
                return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            };
            if (!word_char(run[i])) {
                ++i;
                continue;
            }
            std::size_t start = i;
            while (i < run.size() && word_char(run[i])) ++i;
            out.push_back({std::string(run.substr(start, i - start)), text.line, -1, in_tag});
        }
    }
}

class Walker {
public:
    explicit Walker(PageText& out) : out_(out) {}

    void visit(const Node& node) {
        if (node.type != NodeType::comment) close_comments();
        switch (node.type) {
            case NodeType::root:
                for (const auto& child : node.children) visit(*child);
                flush();
                close_comments();
                return;
            case NodeType::section:
            case NodeType::subsection:
                flush();
                if (node.type == NodeType::section) {
                    section_ = node.text;
                    subsection_.clear();
                } else {
                    subsection_ = node.text;
                }
                tag_.clear();
                for (const auto& child : node.children) visit(*child);
                flush();
                return;
            case NodeType::paragraph: {
                flush();
                // A paragraph indented under a tag (.RS .PP) still belongs to it.
                std::string saved_tag = tag_;
                if (!inside_body(node)) tag_.clear();
                for (const auto& child : node.children) visit(*child);
                flush();
                tag_ = saved_tag;
                return;
            }
            case NodeType::tagged: tagged(node); return;
            case NodeType::head:
            case NodeType::body:
            case NodeType::indent:
                for (const auto& child : node.children) visit(*child);
                return;
            case NodeType::text: append(node); return;
            case NodeType::macro:
                if (node.name == "nf" || node.name == "EX" || node.name == "fi" || node.name == "EE") flush();
                for (const auto& child : node.children) visit(*child);
                return;
            case NodeType::request: return;
            case NodeType::comment: comment(node); return;
            case NodeType::table: table(node); return;
            case NodeType::table_row:
            case NodeType::table_cell: return;  // read through table()
        }
    }

private:
    static bool inside_body(const Node& node) {
        for (const Node* p = node.parent; p; p = p->parent)
            if (p->type == NodeType::body) return true;
        return false;
    }

    void open_block(const Node& first) {
        open_ = true;
        block_ = Block{};
        info_ = BlockInfo{};
        pending_bold_.clear();
        block_.kind = first.nofill ? Block::Kind::code : tag_.empty() ? Block::Kind::paragraph : Block::Kind::tagged;
        block_.section = section_;
        block_.subsection = subsection_;
        block_.tag = tag_;
        block_.first_line = first.line;
        block_.last_line = first.last_line;
        info_.tag_line = tag_line_;
        info_.continued = !tag_.empty() && tag_emitted_;
        code_ = first.nofill;
        joins_ = false;
    }

    void flush() {
        if (!open_) return;
        open_ = false;
        if (block_.text.empty() && block_.tag.empty()) return;
        int index = static_cast<int>(out_.blocks.size());
        for (BoldWord& word : pending_bold_) {
            word.block = index;
            out_.bold_words.push_back(std::move(word));
        }
        pending_bold_.clear();
        if (block_.kind == Block::Kind::tagged) tag_emitted_ = true;
        out_.blocks.push_back(std::move(block_));
        out_.infos.push_back(std::move(info_));
    }

    void append(const Node& text) {
        if (in_head_) {
            if (!tag_.empty() && !text.text.empty() && !tag_joins_) tag_ += ' ';
            tag_ += text.text;
            tag_joins_ = text.joins_next;
            if (tag_line_ == 0) tag_line_ = text.line;
            bold_words_of(text, head_bold_, true);
            return;
        }
        if (open_ && text.nofill != code_) flush();
        if (!open_) open_block(text);
        if (!block_.text.empty() || (code_ && !info_.runs.empty())) {
            if (code_) block_.text += '\n';
            else if (!joins_) block_.text += ' ';
        }
        info_.runs.push_back({block_.text.size(), text.line});
        block_.text += text.text;
        block_.last_line = std::max(block_.last_line, text.last_line);
        joins_ = text.joins_next;
        bold_words_of(text, pending_bold_, false);
    }

    void tagged(const Node& node) {
        bool merge = node.name == "TQ" && open_ && block_.kind == Block::Kind::tagged && block_.text.empty();
        if (!merge) flush();
        std::string saved_tag = tag_;
        int saved_tag_line = tag_line_;
        bool saved_emitted = tag_emitted_;
        if (merge) {
            tag_ = block_.tag;
            tag_line_ = info_.tag_line;
        } else {
            tag_.clear();
            tag_line_ = 0;
        }
        tag_emitted_ = false;
        for (const auto& child : node.children) {
            if (child->type == NodeType::head) {
                in_head_ = true;
                if (merge && !tag_.empty()) tag_ += ", ";
                tag_joins_ = merge;
                visit(*child);
                in_head_ = false;
                if (merge) {
                    block_.tag = tag_;
                } else {
                    // The block starts at its tag, even before any body text.
                    open_ = true;
                    block_ = Block{};
                    info_ = BlockInfo{};
                    pending_bold_.clear();
                    block_.kind = Block::Kind::tagged;
                    block_.section = section_;
                    block_.subsection = subsection_;
                    block_.tag = tag_;
                    block_.first_line = tag_line_ ? tag_line_ : node.line;
                    block_.last_line = block_.first_line;
                    info_.tag_line = tag_line_ ? tag_line_ : node.line;
                    code_ = false;
                    joins_ = false;
                }
                for (BoldWord& word : head_bold_) pending_bold_.push_back(std::move(word));
                head_bold_.clear();
            } else {
                visit(*child);
            }
        }
        // Left open so a following .TQ can join; the next block flushes it.
        tag_ = saved_tag;
        tag_line_ = saved_tag_line;
        tag_emitted_ = saved_emitted;
        if (open_ && !block_.text.empty()) flush();
    }

    void comment(const Node& node) {
        if (!comment_open_) {
            comment_open_ = true;
            comment_block_ = Block{};
            comment_block_.kind = Block::Kind::comment;
            comment_block_.section = section_;
            comment_block_.subsection = subsection_;
            comment_block_.first_line = node.line;
            comment_info_ = BlockInfo{};
            comment_lines_.clear();
        } else {
            comment_block_.text += '\n';
        }
        comment_info_.runs.push_back({comment_block_.text.size(), node.line});
        comment_block_.text += node.text;
        comment_block_.last_line = node.line;
        comment_lines_.push_back({node.text, node.line, -1});
    }

    void close_comments() {
        if (!comment_open_) return;
        comment_open_ = false;
        int index = static_cast<int>(out_.blocks.size());
        for (CommentLine& c : comment_lines_) {
            c.block = index;
            out_.comments.push_back(std::move(c));
        }
        comment_lines_.clear();
        out_.blocks.push_back(std::move(comment_block_));
        out_.infos.push_back(std::move(comment_info_));
    }

    static std::string cell_text(const Node& cell, std::vector<TextRun>& runs, std::size_t base,
                                 std::vector<BoldWord>& bold) {
        std::string text;
        bool joins = false;
        for (const auto& child : cell.children) {
            if (child->type != NodeType::text) continue;
            if (!text.empty() && !joins) text += ' ';
            runs.push_back({base + text.size(), child->line});
            text += child->text;
            joins = child->joins_next;
            bold_words_of(*child, bold, false);
        }
        return text;
    }

    void table(const Node& node) {
        flush();
        TableText table;
        table.line = node.line;
        for (const auto& child : node.children) {
            if (child->type == NodeType::comment) {
                comment(*child);
                continue;
            }
            close_comments();
            if (child->type != NodeType::table_row) continue;
            Block row;
            BlockInfo info;
            row.kind = Block::Kind::table_row;
            row.section = section_;
            row.subsection = subsection_;
            row.tag = tag_;
            row.first_line = child->line;
            row.last_line = child->last_line;
            TableRowText row_text;
            row_text.line = child->line;
            std::vector<BoldWord> bold;
            std::vector<CommentLine> cell_comments;
            for (const auto& cell : child->children) {
                if (!row.text.empty() || !row_text.cells.empty()) row.text += '\t';
                std::string text = cell_text(*cell, info.runs, row.text.size(), bold);
                row.text += text;
                row_text.cells.push_back(std::move(text));
                for (const auto& inner : cell->children)
                    if (inner->type == NodeType::comment) cell_comments.push_back({inner->text, inner->line, -1});
            }
            int index = static_cast<int>(out_.blocks.size());
            row_text.block = index;
            for (BoldWord& word : bold) {
                word.block = index;
                out_.bold_words.push_back(std::move(word));
            }
            for (CommentLine& c : cell_comments) {
                c.block = index;
                out_.comments.push_back(std::move(c));
            }
            out_.blocks.push_back(std::move(row));
            out_.infos.push_back(std::move(info));
            table.rows.push_back(std::move(row_text));
        }
        close_comments();
        out_.tables.push_back(std::move(table));
    }

    PageText& out_;
    std::string section_, subsection_;
    std::string tag_;
    int tag_line_ = 0;
    bool tag_emitted_ = false;
    bool tag_joins_ = false;
    bool in_head_ = false;
    std::vector<BoldWord> head_bold_;

    bool open_ = false;
    Block block_;
    BlockInfo info_;
    std::vector<BoldWord> pending_bold_;
    bool code_ = false;
    bool joins_ = false;

    bool comment_open_ = false;
    Block comment_block_;
    BlockInfo comment_info_;
    std::vector<CommentLine> comment_lines_;
};

}  // namespace

PageText collect_text(const roff::Node& root) {
    PageText out;
    for (const auto& child : root.children) {
        if (child->type == roff::NodeType::macro && child->name == "TH") {
            if (!child->args.empty()) out.title = child->args[0];
            if (child->args.size() > 1) out.section = child->args[1];
            out.title_line = child->line;
            break;
        }
    }
    Walker(out).visit(root);
    return out;
}

}  // namespace manaudit::manpages
