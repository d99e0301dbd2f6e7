// The man(7) macro handlers: what each kind of macro does beyond the flags
// of its row in the table (man_macros.cpp), which the parser has applied
// already.
#include <algorithm>

#include "parsers/roff/man_parser_state.h"
#include "parsers/roff/roff_table.h"

namespace manaudit::roff {

void ManParser::title(const MacroCall& call) {
    root_->add(make_for(call));
}

void ManParser::section(const MacroCall& call) {
    heading(call, NodeType::section);
}

void ManParser::subsection(const MacroCall& call) {
    heading(call, NodeType::subsection);
}

// A heading takes its title from its arguments, or else from the next line.
void ManParser::heading(const MacroCall& call, NodeType type) {
    Node* parent = root_.get();
    if (type == NodeType::subsection) {
        parent = container();
        while (parent->type != NodeType::section && parent->type != NodeType::root) parent = parent->parent;
    }
    Node* heading = parent->add(make_for(call, type));
    const ControlLine& parsed = call.parsed;
    if (parsed.args.empty()) {
        pending_heading_ = heading;
        flow_ = heading;
        return;
    }
    Rendered rendered;
    for (std::size_t i = 0; i < parsed.args.size(); ++i) {
        if (i) rendered.text += ' ';
        render_escapes(parsed.args[i], escapes_, rendered, sink_, {call.line.line, parsed.arg_columns[i]});
    }
    reset_font();
    set_heading(heading, rendered.text);
    flow_ = heading;
}

void ManParser::paragraph(const MacroCall& call) {
    flow_ = container()->add(make_for(call, NodeType::paragraph));
}

void ManParser::tagged(const MacroCall& call) {
    Node* tagged = container()->add(make_for(call, NodeType::tagged));
    auto head = make(NodeType::head, call.line.line, call.column());
    head->generated = true;
    flow_ = tagged->add(std::move(head));
}

void ManParser::indented(const MacroCall& call) {
    tagged(call);
    const ControlLine& parsed = call.parsed;
    if (!parsed.args.empty()) {
        Rendered rendered;
        auto text = render(parsed.args[0], call.line.line, parsed.arg_columns[0], rendered);
        reset_font();
        flow_->add(std::move(text));
    }
    head_done();
}

void ManParser::indent_begin(const MacroCall& call) {
    // Nesting is capped so that hostile input cannot make the tree (and
    // every recursive walk over it) arbitrarily deep.
    int depth = 0;
    for (const Node* n = flow_; n; n = n->parent) depth += n->type == NodeType::indent;
    if (depth >= kMaxIndentDepth) {
        if (ignored_indents_++ == 0)
            sink_.report(Severity::warning, call.line.line, call.column(), ".RS nested too deeply, ignored");
        return;
    }
    auto node = make_for(call, NodeType::indent);
    if (flow_->type == NodeType::head) head_done();
    flow_ = flow_->add(std::move(node));
}

void ManParser::indent_end(const MacroCall& call) {
    if (ignored_indents_ > 0) {
        --ignored_indents_;
        return;
    }
    Node* node = flow_;
    while (node && node->type != NodeType::indent) node = node->parent;
    if (!node) {
        sink_.report(Severity::warning, call.line.line, call.column(), ".RE without an open .RS, ignored");
        return;
    }
    node->last_line = call.line.line;
    flow_ = node->parent;
}

// Without arguments, a font macro applies to the next line.
void ManParser::font(const MacroCall& call) {
    Node* parent = pending_heading_ ? flow_ : text_parent(call.line.line);
    if (pending_font_) pending_font_ = nullptr;
    Node* macro = parent->add(make_for(call));
    if (call.parsed.args.empty()) {
        pending_font_ = macro;
        return;
    }
    font_arguments(macro, call.parsed.args, call.parsed.arg_columns, call.line);
    after_line_in_scope();
}

void ManParser::nofill_begin(const MacroCall& call) {
    if (!nofill_) {
        nofill_line_ = call.line.line;
        nofill_column_ = call.column();
        nofill_request_ = call.parsed.name;
    }
    nofill_ = true;
    flow_->add(make_for(call));
}

void ManParser::example_begin(const MacroCall& call) {
    nofill_begin(call);
    escapes_.font = Font::roman;
}

void ManParser::nofill_end(const MacroCall& call) {
    nofill_ = false;
    flow_->add(make_for(call));
}

void ManParser::link_begin(const MacroCall& call) {
    text_parent(call.line.line)->add(make_for(call));
}

void ManParser::link_end(const MacroCall& call) {
    Node* macro = text_parent(call.line.line)->add(make_for(call));
    if (!call.parsed.args.empty()) {
        // Trailing punctuation after the link is visible text.
        Rendered rendered;
        macro->add(render(call.parsed.args[0], call.line.line, call.parsed.arg_columns[0], rendered));
    }
}

void ManParser::table_begin(const MacroCall& call) {
    Node* parent = is_container(flow_->type) ? text_parent(call.line.line) : flow_;
    TableReader reader(lines_, index_, escapes_, sink_, section_, nofill_);
    parent->add(reader.read(call.line, call.column()));
    index_ = reader.next_index();
}

void ManParser::table_end(const MacroCall& call) {
    sink_.report(Severity::warning, call.line.line, call.column(), ".TE without .TS, ignored");
}

void ManParser::conditional(const MacroCall& call) {
    auto node = make_for(call);
    conditional_body(call.line, call.parsed);
    node->last_line = lines_[index_ - 1].last_line;
    flow_->add(std::move(node));
}

void ManParser::define_macro(const MacroCall& call) {
    // Its later calls are the page's own macros, not unknown ones.
    if (!call.parsed.args.empty()) user_macros_.insert(call.parsed.args[0]);
    skip_definition(call);
}

void ManParser::ignore_input(const MacroCall& call) {
    skip_definition(call);
}

void ManParser::define_string(const MacroCall& call) {
    store_string(call.line.text);
    flow_->add(make_for(call));
}

void ManParser::keep(const MacroCall& call) {
    flow_->add(make_for(call));
}

// .ds name value: the value is the rest of the line, a leading quote dropped.
void ManParser::store_string(std::string_view text) {
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
void ManParser::conditional_body(const SourceLine& line, const ControlLine& parsed) {
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
            if (!ds.args.empty() && !escapes_.strings.count(ds.args[0])) store_string(request);
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

// .de/.am/.ig: the definition runs to a line `..`; the request's node spans it.
void ManParser::skip_definition(const MacroCall& call) {
    auto node = make_for(call);
    bool closed = false;
    while (index_ < lines_.size() && !closed) {
        std::string_view text = lines_[index_++].text;
        closed = text == ".." || text.substr(0, 3) == ".. ";
    }
    if (!closed)
        sink_.report(Severity::warning, call.line.line, 1, "." + call.parsed.name + " opened here is not closed with ..");
    node->last_line = lines_[index_ - 1].last_line;
    flow_->add(std::move(node));
}

}  // namespace manaudit::roff
