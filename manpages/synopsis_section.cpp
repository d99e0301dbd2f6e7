// SYNOPSIS: #include lines, prototypes (parsed), feature-test-macro lines.
#include <string_view>

#include "manpages/page_extract.h"
#include "parsers/cdecl/cdecl.h"

namespace manaudit::manpages {

namespace {

struct CodeLine {
    std::string_view text;
    int line = 0;
};

// The lines of a block, one per input line for code, the whole text otherwise.
std::vector<CodeLine> lines_of(const PageText& text, std::size_t index) {
    const Block& block = text.blocks[index];
    const BlockInfo& info = text.infos[index];
    std::vector<CodeLine> out;
    std::string_view all = block.text;
    if (block.kind != Block::Kind::code) {
        out.push_back({all, block.first_line});
        return out;
    }
    for (std::size_t r = 0; r < info.runs.size(); ++r) {
        std::size_t begin = info.runs[r].offset;
        std::size_t end = r + 1 < info.runs.size() ? info.runs[r + 1].offset - 1 : all.size();
        if (begin > all.size()) break;
        out.push_back({all.substr(begin, end - begin), info.runs[r].line});
    }
    return out;
}

std::string_view trim_synopsis_blank(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Declarations accumulate across lines until a ';' outside braces.
class DeclarationReader {
public:
    explicit DeclarationReader(Page& page) : page_(page) {}

    void line(std::string_view text, int line_no) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (in_comment_) {
                if (c == '*' && i + 1 < text.size() && text[i + 1] == '/') {
                    in_comment_ = false;
                    ++i;
                }
                continue;
            }
            if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
                in_comment_ = true;
                ++i;
                continue;
            }
            if (c != ' ' && c != '\t' && !started_) {
                started_ = true;
                start_line_ = line_no;
            }
            pending_ += c;
            // A ';' inside parentheses ends a GNU forward parameter
            // declaration ("read(size_t count; int fd, ...)"), not the prototype.
            if (c == '{' || c == '(') ++depth_;
            else if ((c == '}' || c == ')') && depth_ > 0) --depth_;
            else if (c == ';' && depth_ == 0) finish();
        }
        if (started_) pending_ += ' ';
    }

    void reset() {
        started_ = false;
        pending_.clear();
        depth_ = 0;
    }

private:
    void finish() {
        std::string declaration = cdecl::normalize_space(pending_);
        pending_.clear();
        started_ = false;
        if (declaration.find('{') != std::string::npos) return;
        auto fn = cdecl::parse_prototype(declaration);
        if (!fn) return;
        Prototype proto;
        proto.text = fn->text;
        proto.return_type = fn->return_type;
        proto.name = fn->name;
        proto.variadic = fn->variadic;
        proto.syscall_name = fn->syscall_name;
        proto.deprecated = fn->deprecated;
        proto.line = start_line_;
        for (const cdecl::CParameter& p : fn->params) proto.params.push_back({p.type, p.name, p.text});
        page_.prototypes.push_back(std::move(proto));
    }

    Page& page_;
    std::string pending_;
    int start_line_ = 0;
    int depth_ = 0;
    bool in_comment_ = false;
    bool started_ = false;
};

bool looks_like_declaration(std::string_view text) {
    return text.find('(') != std::string_view::npos && text.find(");") != std::string_view::npos;
}


// The lines of the "Feature Test Macro Requirements" part, as written.
void read_feature_test_macros(const PageText& text, std::size_t index, Page& page) {
    for (const CodeLine& line : lines_of(text, index)) {
        std::string_view trimmed = trim_synopsis_blank(line.text);
        if (!trimmed.empty()) page.feature_test_macros.emplace_back(trimmed);
    }
}

// "#include <fcntl.h>": the header, when the line names one.
void read_include(std::string_view trimmed, int line, Page& page) {
    std::size_t open = trimmed.find_first_of("<\"", 8);
    if (open == std::string_view::npos) return;
    char closer = trimmed[open] == '<' ? '>' : '"';
    std::size_t close = trimmed.find(closer, open + 1);
    if (close != std::string_view::npos)
        page.includes.push_back({std::string(trimmed.substr(open + 1, close - open - 1)), line});
}

// A SYNOPSIS block's includes and declarations. A fill-mode paragraph may
// hold an include and a declaration on one line.
void read_declarations(const PageText& text, std::size_t index, DeclarationReader& reader, Page& page) {
    const Block& block = text.blocks[index];
    for (const CodeLine& line : lines_of(text, index)) {
        std::string_view trimmed = trim_synopsis_blank(line.text);
        if (trimmed.rfind("#include", 0) == 0) {
            read_include(trimmed, line.line, page);
            if (block.kind == Block::Kind::code) continue;
            std::size_t after = trimmed.find('>');
            if (after == std::string_view::npos) continue;
            trimmed = trim_synopsis_blank(trimmed.substr(after + 1));
        }
        if (!trimmed.empty() && trimmed.front() == '#') continue;
        reader.line(trimmed, line.line);
    }
    if (block.kind == Block::Kind::code) reader.reset();
}

}  // namespace

void extract_synopsis(const PageText& text, Page& page) {
    DeclarationReader reader(page);
    bool feature_tests = false;
    for (std::size_t index = 0; index < text.blocks.size(); ++index) {
        const Block& block = text.blocks[index];
        if (block.section != "SYNOPSIS" || block.kind == Block::Kind::comment) continue;
        if (!feature_tests && block.text.find("Feature Test Macro Requirements") != std::string::npos) {
            feature_tests = true;
            reader.reset();
            continue;
        }
        if (feature_tests) {
            if (block.tag.empty() || !block.text.empty()) read_feature_test_macros(text, index, page);
            continue;
        }
        // Older pages set the synopsis in fill mode; only declaration-like
        // paragraphs are read there, never prose.
        if (block.kind != Block::Kind::code && !looks_like_declaration(block.text) &&
            block.text.rfind("#include", 0) != 0)
            continue;
        read_declarations(text, index, reader, page);
    }
}

}  // namespace manaudit::manpages
