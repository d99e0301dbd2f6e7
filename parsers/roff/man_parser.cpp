// The man(7) parser: macros build blocks, text lines become text nodes.
// What each macro does is in its row of the table (man_macros.cpp) and in
// its handler (man_handlers.cpp); this file reads the lines and dispatches.
#include "parsers/roff/man_parser.h"

#include "parsers/roff/man_parser_state.h"

namespace manaudit::roff {

namespace {

Font font_of_letter(char letter) {
    switch (letter) {
        case 'B': return Font::bold;
        case 'I': return Font::italic;
        default: return Font::roman;
    }
}

}  // namespace

ManParser::ManParser(std::string_view source, DiagnosticSink& sink)
    : lines_(split_lines(source, sink)), sink_(sink), root_(std::make_unique<Node>()) {
    root_->type = NodeType::root;
    flow_ = root_.get();
}

std::unique_ptr<Node> ManParser::run() {
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

bool ManParser::is_container(NodeType type) {
    return type == NodeType::root || type == NodeType::section || type == NodeType::subsection ||
           type == NodeType::indent;
}

// --- building blocks ------------------------------------------------------

std::unique_ptr<Node> ManParser::make(NodeType type, int line, int column, std::string name) {
    auto node = std::make_unique<Node>();
    node->type = type;
    node->line = line;
    node->last_line = line;
    node->column = column;
    node->name = std::move(name);
    node->section = section_;
    return node;
}

std::unique_ptr<Node> ManParser::make_for(const MacroCall& call, NodeType type) {
    auto node = make(type, call.line.line, call.column(), call.parsed.name);
    node->last_line = call.line.last_line;  // a control line continued with `\`
    if (call.info.has(macro_flag::keeps_args)) node->args = call.parsed.args;
    return node;
}

std::unique_ptr<Node> ManParser::make_for(const MacroCall& call) {
    return make_for(call, call.info.has(macro_flag::request) ? NodeType::request : NodeType::macro);
}

Node* ManParser::container() {
    Node* node = flow_;
    while (!is_container(node->type)) node = node->parent;
    return node;
}

// Text needs a paragraph; one is generated if the input has none.
Node* ManParser::text_parent(int line) {
    if (!is_container(flow_->type)) return flow_;
    auto paragraph = make(NodeType::paragraph, line, 1);
    paragraph->generated = true;
    flow_ = flow_->add(std::move(paragraph));
    return flow_;
}

// After a tag's line is read, text goes to the body.
void ManParser::head_done() {
    if (flow_->type != NodeType::head) return;
    Node* tagged = flow_->parent;
    auto body = make(NodeType::body, tagged->line, tagged->column);
    body->generated = true;
    flow_ = tagged->add(std::move(body));
}

void ManParser::reset_font() {
    escapes_.font = Font::roman;
    escapes_.previous_font = Font::roman;
}

// --- text -----------------------------------------------------------------

std::unique_ptr<Node> ManParser::render(std::string_view raw, int line, int column, Rendered& rendered) {
    render_escapes(raw, escapes_, rendered, sink_, {line, column});
    auto node = make(NodeType::text, line, column);
    node->text = std::move(rendered.text);
    node->spans = std::move(rendered.spans);
    node->joins_next = rendered.joins_next;
    node->nofill = nofill_;
    return node;
}

void ManParser::add_comment(Node* parent, int line, int column, std::string text) {
    auto node = make(NodeType::comment, line, column);
    node->text = std::move(text);
    parent->add(std::move(node));
}

void ManParser::text_line(const SourceLine& line) {
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
void ManParser::after_line_in_scope() {
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

void ManParser::set_heading(Node* heading, const std::string& title) {
    heading->text = title;
    if (heading->type == NodeType::section) {
        section_ = title;
        heading->section = title;
    }
}

// Renders the arguments of a font macro into one text child.
void ManParser::font_arguments(Node* macro, const std::vector<std::string>& args, const std::vector<int>& columns,
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

// --- control lines --------------------------------------------------------

void ManParser::control(const SourceLine& line) {
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

void ManParser::unknown(const SourceLine& line, const ControlLine& parsed) {
    if (!user_macros_.count(parsed.name))
        sink_.report(Severity::warning, line.line, parsed.name_column, "unknown macro ." + parsed.name + ", ignored");
    auto node = make(NodeType::request, line.line, parsed.name_column, parsed.name);
    node->last_line = line.last_line;
    node->args = parsed.args;
    flow_->add(std::move(node));
}

// Ends the scopes a structural macro breaks.
void ManParser::break_pending(const SourceLine& line, std::string_view macro) {
    if (pending_font_) {
        sink_.report(Severity::warning, line.line, 1, "." + std::string(macro) + " breaks the next-line scope of ." + pending_font_->name);
        pending_font_ = nullptr;
    }
    if (pending_heading_) {
        sink_.report(Severity::warning, line.line, 1, "." + std::string(macro) + " breaks an empty heading");
        pending_heading_ = nullptr;
    }
}

// The row's shared behaviour, then its own.
void ManParser::dispatch(const MacroInfo& info, const SourceLine& line, const ControlLine& parsed) {
    if (info.has(macro_flag::breaks_scope)) break_pending(line, parsed.name);
    if (info.has(macro_flag::resets_font)) reset_font();
    if (info.has(macro_flag::ends_nofill) && nofill_) {
        sink_.report(Severity::warning, line.line, parsed.name_column,
                     "." + parsed.name + " ends no-fill mode opened at line " + std::to_string(nofill_line_));
        nofill_ = false;
    }
    (this->*info.handler)(MacroCall{info, line, parsed});
}

void ManParser::finish() {
    // Unlike a heading, which ends no-fill mode as the reader expects, the
    // end of the file means the rest of the page was swallowed as code.
    if (nofill_)
        sink_.report(Severity::error, nofill_line_, nofill_column_,
                     "no-fill mode opened with ." + nofill_request_ + " here is not closed with ." +
                         (nofill_request_ == "EX" ? "EE" : "fi") + " before the end of the file");
    if (pending_heading_) sink_.report(Severity::warning, pending_heading_->line, 1, "heading without a title at end of file");
}

std::unique_ptr<Node> parse_man(std::string_view source, DiagnosticSink& sink) {
    return ManParser(source, sink).run();
}

}  // namespace manaudit::roff
