// The man(7) parser's state and members, for the files that make it up:
// man_parser.cpp (lines, text, control lines, dispatch), man_handlers.cpp
// (one handler per kind of macro) and man_macros.cpp (the table that points
// at the handlers). Not for use outside parsers/roff/: parse_man() is the
// interface.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/roff/man_macros.h"
#include "parsers/roff/roff_escape.h"
#include "parsers/roff/roff_lexer.h"
#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

/// One control line naming a macro of the table, as a handler receives it.
struct MacroCall {
    const MacroInfo& info;
    const SourceLine& line;
    const ControlLine& parsed;

    int column() const { return parsed.name_column; }
};

class ManParser {
public:
    ManParser(std::string_view source, DiagnosticSink& sink);

    std::unique_ptr<Node> run();

    // --- macro handlers (man_handlers.cpp), named by the table's rows ----

    void title(const MacroCall& call);          ///< .TH
    void section(const MacroCall& call);        ///< .SH
    void subsection(const MacroCall& call);     ///< .SS
    void paragraph(const MacroCall& call);      ///< .PP .P .LP .HP
    void tagged(const MacroCall& call);         ///< .TP .TQ: the tag is the next line
    void indented(const MacroCall& call);       ///< .IP: the tag is the first argument
    void indent_begin(const MacroCall& call);   ///< .RS
    void indent_end(const MacroCall& call);     ///< .RE
    void font(const MacroCall& call);           ///< .B .I .BR ...: arguments in (alternating) fonts
    void nofill_begin(const MacroCall& call);   ///< .nf
    void example_begin(const MacroCall& call);  ///< .EX: no-fill, in roman
    void nofill_end(const MacroCall& call);     ///< .fi .EE
    void link_begin(const MacroCall& call);     ///< .UR .MT
    void link_end(const MacroCall& call);       ///< .UE .ME
    void table_begin(const MacroCall& call);    ///< .TS
    void table_end(const MacroCall& call);      ///< .TE outside a table: misplaced
    void conditional(const MacroCall& call);    ///< .if .ie .el
    void define_macro(const MacroCall& call);   ///< .de .am
    void ignore_input(const MacroCall& call);   ///< .ig
    void define_string(const MacroCall& call);  ///< .ds
    void keep(const MacroCall& call);           ///< layout and other requests: kept, not interpreted

private:
    static bool is_container(NodeType type);

    // --- building blocks (man_parser.cpp) ---------------------------------

    std::unique_ptr<Node> make(NodeType type, int line, int column, std::string name = {});
    /// The node of a macro call: its name and column, and its arguments if
    /// the row keeps them.
    std::unique_ptr<Node> make_for(const MacroCall& call, NodeType type);
    /// The same, for macros that are a plain node: a request or a macro.
    std::unique_ptr<Node> make_for(const MacroCall& call);
    Node* container();
    Node* text_parent(int line);
    void head_done();
    void reset_font();

    // --- text (man_parser.cpp) --------------------------------------------

    std::unique_ptr<Node> render(std::string_view raw, int line, int column, Rendered& rendered);
    void add_comment(Node* parent, int line, int column, std::string text);
    void text_line(const SourceLine& line);
    void after_line_in_scope();
    void set_heading(Node* heading, const std::string& title);
    void font_arguments(Node* macro, const std::vector<std::string>& args, const std::vector<int>& columns,
                        const SourceLine& line);

    // --- control lines (man_parser.cpp) -----------------------------------

    void control(const SourceLine& line);
    void unknown(const SourceLine& line, const ControlLine& parsed);
    void break_pending(const SourceLine& line, std::string_view macro);
    void dispatch(const MacroInfo& info, const SourceLine& line, const ControlLine& parsed);
    void finish();

    // --- what handlers share (man_handlers.cpp) ---------------------------

    void heading(const MacroCall& call, NodeType type);
    void store_string(std::string_view text);
    void conditional_body(const SourceLine& line, const ControlLine& parsed);
    void skip_definition(const MacroCall& call);

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

}  // namespace manaudit::roff
