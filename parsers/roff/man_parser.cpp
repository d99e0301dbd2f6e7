// The man(7) parser: macros build blocks, text lines become text nodes.
#include "parsers/roff/man_parser.h"

#include <set>

#include "parsers/roff/man_macros.h"
#include "parsers/roff/roff_lexer.h"
#include "parsers/roff/roff_table.h"

namespace manaudit::roff {

namespace {

Font font_of_letter(char letter) {
    switch (letter) {
        case 'B': return Font::bold;
        case 'I': return Font::italic;
        default: return Font::roman;
    }
}

bool is_container(NodeType type) {
    return type == NodeType::root || type == NodeType::section || type == NodeType::subsection ||
           type == NodeType::indent;
}

class Parser {
public:
    Parser(std::string_view source, DiagnosticSink& sink)
        : lines_(split_lines(source, sink)), sink_(sink), root_(std::make_unique<Node>()) {
        root_->type = NodeType::root;
        flow_ = root_.get();
    }

    std::unique_ptr<Node> run() {
        while (index_ < lines_.size()) {
            const SourceLine& line = lines_[index_++];
            if (is_control_line(line.text)) {
                control(line);
            } else {
                text_line(line);
            }
        }
        finish();
        return std::move(root_);
    }

private:
    // --- building blocks ------------------------------------------------

    std::unique_ptr<Node> make(NodeType type, int line, int column, std::string name = {}) {
        auto node = std::make_unique<Node>();
        node->type = type;
        node->line = line;
        node->last_line = line;
        node->column = column;
        node->name = std::move(name);
        node->section = section_;
        return node;
    }

    Node* container() {
        Node* node = flow_;
        while (!is_container(node->type)) node = node->parent;
        return node;
    }

    // Text needs a paragraph; one is generated if the input has none.
    Node* text_parent(int line) {
        if (!is_container(flow_->type)) return flow_;
        auto paragraph = make(NodeType::paragraph, line, 1);
        paragraph->generated = true;
        flow_ = flow_->add(std::move(paragraph));
        return flow_;
    }

    // After a tag's line is read, text goes to the body.
    void head_done() {
        if (flow_->type != NodeType::head) return;
        Node* tagged = flow_->parent;
        auto body = make(NodeType::body, tagged->line, tagged->column);
        body->generated = true;
        flow_ = tagged->add(std::move(body));
    }

    void reset_font() {
        escapes_.font = Font::roman;
        escapes_.previous_font = Font::roman;
    }

    // --- text -----------------------------------------------------------

    std::unique_ptr<Node> render(std::string_view raw, int line, int column, Rendered& rendered) {
        render_escapes(raw, escapes_, rendered, sink_, {line, column});
        auto node = make(NodeType::text, line, column);
        node->text = std::move(rendered.text);
        node->spans = std::move(rendered.spans);
        node->joins_next = rendered.joins_next;
        node->nofill = nofill_;
        return node;
    }

    void add_comment(Node* parent, int line, int column, std::string text) {
        auto node = make(NodeType::comment, line, column);
        node->text = std::move(text);
        parent->add(std::move(node));
    }

    void text_line(const SourceLine& line) {
        if (line.text.empty() && !nofill_) {
            // A blank line in fill mode is a paragraph break, like .sp.
            auto node = make(NodeType::macro, line.line, 1, "sp");
            node->generated = true;
            flow_->add(std::move(node));
            return;
        }
        if (pending_font_) {
            Node* macro = pending_font_;
            pending_font_ = nullptr;
            font_arguments(macro, {std::string(line.text)}, {1}, line);
            after_line_in_scope();
            return;
        }
        Rendered rendered;
        auto node = render(line.text, line.line, 1, rendered);
        node->last_line = line.last_line;
        bool only_comment = node->text.empty() && rendered.has_comment && !nofill_;
        Node* parent = pending_heading_ || (is_container(flow_->type) && only_comment) ? flow_ : text_parent(line.line);
        if (!only_comment) parent->add(std::move(node));
        if (rendered.has_comment)
            add_comment(parent, line.line, rendered.comment_column, std::move(rendered.comment));
        if (!only_comment) after_line_in_scope();
    }

    // A line was consumed by a pending next-line scope (tag, heading).
    void after_line_in_scope() {
        if (pending_heading_) {
            Node* heading = pending_heading_;
            pending_heading_ = nullptr;
            // The heading's title is the text of the line it took.
            std::string title;
            for (const auto& child : heading->children)
                if (child->type == NodeType::text) title += child->text;
                else if (child->type == NodeType::macro)
                    for (const auto& grandchild : child->children) title += grandchild->text;
            set_heading(heading, title);
            flow_ = heading;
            return;
        }
        head_done();
    }

    void set_heading(Node* heading, const std::string& title) {
        heading->text = title;
        if (heading->type == NodeType::section) {
            section_ = title;
            heading->section = title;
        }
    }

    // Renders the arguments of a font macro into one text child.
    void font_arguments(Node* macro, const std::vector<std::string>& args, const std::vector<int>& columns,
                        const SourceLine& line) {
        const MacroInfo* info = find_macro(macro->name);
        std::string_view fonts = info ? info->fonts : "R";
        bool alternating = fonts.size() == 2;
        Font outer = escapes_.font;
        Font outer_previous = escapes_.previous_font;
        Rendered rendered;
        for (std::size_t i = 0; i < args.size(); ++i) {
            Font font = font_of_letter(fonts[alternating ? i % 2 : 0]);
            escapes_.font = font;
            escapes_.previous_font = font;
            // .B joins its arguments with spaces set in its own font.
            if (!alternating && i > 0) render_escapes(" ", escapes_, rendered, sink_, {line.line, columns[i]});
            render_escapes(args[i], escapes_, rendered, sink_, {line.line, columns[i]});
        }
        escapes_.font = outer;
        escapes_.previous_font = outer_previous;
        auto node = make(NodeType::text, line.line, columns.empty() ? 1 : columns.front());
        node->last_line = line.last_line;
        node->text = std::move(rendered.text);
        node->spans = std::move(rendered.spans);
        node->joins_next = rendered.joins_next;
        node->nofill = nofill_;
        macro->add(std::move(node));
        if (rendered.has_comment) add_comment(macro, line.line, rendered.comment_column, rendered.comment);
    }

    // --- control lines --------------------------------------------------

    void control(const SourceLine& line) {
        ControlLine parsed = split_control_line(line.text);
        if (parsed.name == "\\\"") {
            add_comment(flow_, line.line, parsed.comment_column, std::move(parsed.comment));
            return;
        }
        if (parsed.name.empty()) {
            if (parsed.has_comment) add_comment(flow_, line.line, parsed.comment_column, parsed.comment);
            return;  // a lone `.` does nothing
        }
        const MacroInfo* info = find_macro(parsed.name);
        if (!info) {
            unknown(line, parsed);
            return;
        }
        dispatch(*info, line, parsed);
        if (parsed.has_comment) add_comment(flow_, line.line, parsed.comment_column, parsed.comment);
    }

    void unknown(const SourceLine& line, const ControlLine& parsed) {
        if (!user_macros_.count(parsed.name))
            sink_.report(Severity::warning, line.line, parsed.name_column, "unknown macro ." + parsed.name + ", ignored");
        auto node = make(NodeType::request, line.line, parsed.name_column, parsed.name);
        node->args = parsed.args;
        flow_->add(std::move(node));
    }

    // Ends the scopes a structural macro breaks.
    void break_pending(const SourceLine& line, std::string_view macro) {
        if (pending_font_) {
            sink_.report(Severity::warning, line.line, 1, "." + std::string(macro) + " breaks the next-line scope of ." + pending_font_->name);
            pending_font_ = nullptr;
        }
        if (pending_heading_) {
            sink_.report(Severity::warning, line.line, 1, "." + std::string(macro) + " breaks an empty heading");
            pending_heading_ = nullptr;
        }
    }

    void dispatch(const MacroInfo& info, const SourceLine& line, ControlLine& parsed) {
        const int col = parsed.name_column;
        switch (info.kind) {
            case MacroKind::title: {
                auto node = make(NodeType::macro, line.line, col, parsed.name);
                node->args = parsed.args;
                root_->add(std::move(node));
                return;
            }
            case MacroKind::section:
            case MacroKind::subsection: {
                break_pending(line, parsed.name);
                reset_font();
                if (nofill_) {
                    sink_.report(Severity::warning, line.line, col,
                                 "." + parsed.name + " ends no-fill mode opened at line " + std::to_string(nofill_line_));
                    nofill_ = false;
                }
                Node* parent = root_.get();
                if (info.kind == MacroKind::subsection) {
                    parent = container();
                    while (parent->type != NodeType::section && parent->type != NodeType::root) parent = parent->parent;
                }
                auto node = make(info.kind == MacroKind::section ? NodeType::section : NodeType::subsection, line.line, col,
                                 parsed.name);
                Node* heading = parent->add(std::move(node));
                if (parsed.args.empty()) {
                    pending_heading_ = heading;
                    flow_ = heading;
                    return;
                }
                std::string title;
                Rendered rendered;
                for (std::size_t i = 0; i < parsed.args.size(); ++i) {
                    if (i) rendered.text += ' ';
                    render_escapes(parsed.args[i], escapes_, rendered, sink_, {line.line, parsed.arg_columns[i]});
                }
                reset_font();
                set_heading(heading, rendered.text);
                flow_ = heading;
                return;
            }
            case MacroKind::paragraph: {
                break_pending(line, parsed.name);
                reset_font();
                auto node = make(NodeType::paragraph, line.line, col, parsed.name);
                flow_ = container()->add(std::move(node));
                return;
            }
            case MacroKind::tagged:
            case MacroKind::indented: {
                break_pending(line, parsed.name);
                reset_font();
                Node* tagged = container()->add(make(NodeType::tagged, line.line, col, parsed.name));
                tagged->args = parsed.args;
                auto head = make(NodeType::head, line.line, col);
                head->generated = true;
                flow_ = tagged->add(std::move(head));
                if (info.kind == MacroKind::indented) {
                    if (!parsed.args.empty()) {
                        Rendered rendered;
                        auto text = render(parsed.args[0], line.line, parsed.arg_columns[0], rendered);
                        reset_font();
                        flow_->add(std::move(text));
                    }
                    head_done();
                }
                return;
            }
            case MacroKind::indent_begin: {
                break_pending(line, parsed.name);
                // Nesting is capped so that hostile input cannot make the tree
                // (and every recursive walk over it) arbitrarily deep.
                int depth = 0;
                for (const Node* n = flow_; n; n = n->parent) depth += n->type == NodeType::indent;
                if (depth >= kMaxIndentDepth) {
                    if (ignored_indents_++ == 0)
                        sink_.report(Severity::warning, line.line, col, ".RS nested too deeply, ignored");
                    return;
                }
                auto node = make(NodeType::indent, line.line, col, parsed.name);
                node->args = parsed.args;
                if (flow_->type == NodeType::head) head_done();
                flow_ = flow_->add(std::move(node));
                return;
            }
            case MacroKind::indent_end: {
                break_pending(line, parsed.name);
                if (ignored_indents_ > 0) {
                    --ignored_indents_;
                    return;
                }
                Node* node = flow_;
                while (node && node->type != NodeType::indent) node = node->parent;
                if (!node) {
                    sink_.report(Severity::warning, line.line, col, ".RE without an open .RS, ignored");
                    return;
                }
                flow_ = node->parent;
                return;
            }
            case MacroKind::font: {
                Node* parent = pending_heading_ ? flow_ : text_parent(line.line);
                if (pending_font_) pending_font_ = nullptr;
                Node* macro = parent->add(make(NodeType::macro, line.line, col, parsed.name));
                if (parsed.args.empty()) {
                    pending_font_ = macro;
                    return;
                }
                font_arguments(macro, parsed.args, parsed.arg_columns, line);
                after_line_in_scope();
                return;
            }
            case MacroKind::nofill_begin:
            case MacroKind::nofill_end: {
                bool begin = info.kind == MacroKind::nofill_begin;
                if (begin && !nofill_) {
                    nofill_line_ = line.line;
                    nofill_column_ = col;
                    nofill_request_ = parsed.name;
                }
                nofill_ = begin;
                if (parsed.name == "EX") escapes_.font = Font::roman;
                flow_->add(make(NodeType::macro, line.line, col, parsed.name));
                return;
            }
            case MacroKind::link_begin:
            case MacroKind::link_end: {
                Node* parent = text_parent(line.line);
                Node* macro = parent->add(make(NodeType::macro, line.line, col, parsed.name));
                if (info.kind == MacroKind::link_begin) {
                    macro->args = parsed.args;
                } else if (!parsed.args.empty()) {
                    // Trailing punctuation after the link is visible text.
                    Rendered rendered;
                    macro->add(render(parsed.args[0], line.line, parsed.arg_columns[0], rendered));
                }
                return;
            }
            case MacroKind::table_begin: {
                Node* parent = is_container(flow_->type) ? text_parent(line.line) : flow_;
                TableReader reader(lines_, index_, escapes_, sink_, section_, nofill_);
                parent->add(reader.read(line, col));
                index_ = reader.next_index();
                return;
            }
            case MacroKind::table_end:
                sink_.report(Severity::warning, line.line, col, ".TE without .TS, ignored");
                return;
            case MacroKind::conditional: {
                auto node = make(NodeType::request, line.line, col, parsed.name);
                node->args = parsed.args;
                conditional_body(line, parsed);
                node->last_line = lines_[index_ - 1].last_line;
                flow_->add(std::move(node));
                return;
            }
            case MacroKind::define_macro: {
                auto node = make(NodeType::request, line.line, col, parsed.name);
                node->args = parsed.args;
                if (!parsed.args.empty() && parsed.name != "ig") user_macros_.insert(parsed.args[0]);
                skip_definition(line, parsed.name);
                node->last_line = lines_[index_ - 1].last_line;
                flow_->add(std::move(node));
                return;
            }
            case MacroKind::define_string: {
                define_string(line.text);
                auto node = make(NodeType::request, line.line, col, parsed.name);
                node->args = parsed.args;
                flow_->add(std::move(node));
                return;
            }
            case MacroKind::layout:
            case MacroKind::tolerated: {
                auto node = make(info.kind == MacroKind::layout ? NodeType::macro : NodeType::request, line.line, col,
                                 parsed.name);
                node->args = parsed.args;
                flow_->add(std::move(node));
                return;
            }
        }
    }

    // .ds name value: the value is the rest of the line, a leading quote dropped.
    void define_string(std::string_view text) {
        ControlLine parsed = split_control_line(text);
        if (parsed.args.empty()) return;
        std::size_t name_at = text.find(parsed.args[0], static_cast<std::size_t>(parsed.name_column));
        if (name_at == std::string_view::npos) return;
        std::size_t value_at = name_at + parsed.args[0].size();
        while (value_at < text.size() && (text[value_at] == ' ' || text[value_at] == '\t')) ++value_at;
        std::string_view value = text.substr(value_at);
        if (!value.empty() && value.front() == '"') value.remove_prefix(1);
        escapes_.strings[parsed.args[0]] = std::string(value);
    }

    // Conditionals are not evaluated; their bodies are kept out of the text.
    // A string defined only inside a conditional is still defined (the first
    // branch wins), so \*(xx references resolve.
    void conditional_body(const SourceLine& line, const ControlLine& parsed) {
        std::string_view text = line.text;
        std::size_t body = text.find(parsed.name) + parsed.name.size();
        if (parsed.name != "el" && !parsed.args.empty()) {
            std::size_t cond = text.find(parsed.args[0], body);
            if (cond != std::string_view::npos) body = cond + parsed.args[0].size();
        }
        std::string_view rest = text.substr(std::min(body, text.size()));
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        if (rest.substr(0, 2) == "\\{") rest.remove_prefix(2);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        auto maybe_define = [&](std::string_view request) {
            if (request.size() > 3 && request[0] == '.' && request.substr(1, 2) == "ds") {
                ControlLine ds = split_control_line(request);
                if (!ds.args.empty() && !escapes_.strings.count(ds.args[0])) define_string(request);
            }
        };
        maybe_define(rest);
        int depth = 0;
        auto count_braces = [&](std::string_view s) {
            for (std::size_t i = 0; i + 1 < s.size(); ++i) {
                if (s[i] != '\\') continue;
                if (s[i + 1] == '{') ++depth;
                else if (s[i + 1] == '}') --depth;
                ++i;
            }
        };
        count_braces(line.text);
        while (depth > 0 && index_ < lines_.size()) {
            const SourceLine& inner = lines_[index_++];
            std::string_view inner_text = inner.text;
            maybe_define(inner_text);
            count_braces(inner_text);
        }
        if (depth > 0)
            sink_.report(Severity::warning, line.line, 1, "conditional block opened here is not closed with \\}");
    }

    // .de/.am/.ig: the definition runs to a line `..`.
    void skip_definition(const SourceLine& line, const std::string& name) {
        while (index_ < lines_.size()) {
            std::string_view text = lines_[index_++].text;
            if (text == ".." || text.substr(0, 3) == ".. ") return;
        }
        sink_.report(Severity::warning, line.line, 1, "." + name + " opened here is not closed with ..");
    }

    void finish() {
        // Unlike a heading, which ends no-fill mode as the reader expects, the
        // end of the file means the rest of the page was swallowed as code.
        if (nofill_)
            sink_.report(Severity::error, nofill_line_, nofill_column_,
                         "no-fill mode opened with ." + nofill_request_ + " here is not closed with ." +
                             (nofill_request_ == "EX" ? "EE" : "fi") + " before the end of the file");
        if (pending_heading_) sink_.report(Severity::warning, pending_heading_->line, 1, "heading without a title at end of file");
    }

    std::vector<SourceLine> lines_;
    std::size_t index_ = 0;
    DiagnosticSink& sink_;
    std::unique_ptr<Node> root_;
    Node* flow_ = nullptr;
    Node* pending_font_ = nullptr;
    Node* pending_heading_ = nullptr;
    EscapeState escapes_;
    std::string section_;
    bool nofill_ = false;
    int nofill_line_ = 0;
    int nofill_column_ = 1;
    std::string nofill_request_;
    std::set<std::string> user_macros_;
    static constexpr int kMaxIndentDepth = 64;
    int ignored_indents_ = 0;
};

}  // namespace

std::unique_ptr<Node> parse_man(std::string_view source, DiagnosticSink& sink) {
    return Parser(source, sink).run();
}

}  // namespace manaudit::roff
