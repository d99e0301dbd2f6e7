// Function prototypes, parameters and struct declarations.
#include "parsers/cdecl/cdecl.h"

namespace manaudit::cdecl {

namespace {

// Index of the token closing the bracket at `open`, or `end` if unbalanced.
std::size_t matching(const std::vector<Token>& tokens, std::size_t open, std::size_t end) {
    const std::string& o = tokens[open].text;
    std::string c = o == "(" ? ")" : o == "[" ? "]" : "}";
    int depth = 0;
    for (std::size_t i = open; i < end; ++i) {
        if (tokens[i].text == o) ++depth;
        else if (tokens[i].text == c && --depth == 0) return i;
    }
    return end;
}

bool is_open(const Token& t) { return t.kind == Token::Kind::punct && (t.text == "(" || t.text == "[" || t.text == "{"); }

// Splits [begin, end) at top-level commas.
std::vector<std::pair<std::size_t, std::size_t>> split_commas(const std::vector<Token>& tokens, std::size_t begin,
                                                              std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t start = begin;
    for (std::size_t i = begin; i < end; ++i) {
        if (is_open(tokens[i])) {
            i = matching(tokens, i, end);
            continue;
        }
        if (tokens[i].text == ",") {
            parts.emplace_back(start, i);
            start = i + 1;
        }
    }
    if (start < end || !parts.empty()) parts.emplace_back(start, end);
    return parts;
}

std::string join_without(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, std::size_t skip) {
    std::vector<Token> kept;
    for (std::size_t i = begin; i < end; ++i)
        if (i != skip && !is_annotation(tokens[i].text)) kept.push_back(tokens[i]);
    return join_tokens(kept, 0, kept.size());
}

/// Removes `[[...]]` attribute lists anywhere ("[[deprecated]] int f(void)",
/// "int f(int a [[maybe_unused]])"): they say nothing about the types.
/// Returns whether one of them was `deprecated`.
bool drop_attributes(std::vector<Token>& tokens) {
    std::vector<Token> kept;
    bool deprecated = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i + 1 < tokens.size() && tokens[i].text == "[" && tokens[i + 1].text == "[") {
            std::size_t close = matching(tokens, i, tokens.size());
            if (close != tokens.size()) {
                for (std::size_t k = i; k < close; ++k)
                    if (tokens[k].text == "deprecated" || tokens[k].text == "__deprecated__") deprecated = true;
                i = close;
                continue;
            }
        }
        kept.push_back(tokens[i]);
    }
    tokens = std::move(kept);
    return deprecated;
}

}  // namespace

CParameter parse_parameter(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    CParameter param;
    param.text = join_tokens(tokens, begin, end);
    // A function pointer: the name sits in the first "(*name)".
    for (std::size_t i = begin; i + 1 < end; ++i) {
        if (tokens[i].text == "(" && (tokens[i + 1].text == "*" || tokens[i + 1].text == "^")) {
            std::size_t close = matching(tokens, i, end);
            for (std::size_t k = close; k > i + 1; --k) {
                if (is_identifier(tokens[k - 1]) && !is_annotation(tokens[k - 1].text) &&
                    !is_type_keyword(tokens[k - 1].text)) {
                    param.name = tokens[k - 1].text;
                    param.type = join_without(tokens, begin, end, k - 1);
                    return param;
                }
            }
            param.type = join_without(tokens, begin, end, end);
            return param;
        }
    }
    // Trailing array suffixes stay with the type: "int[2]", "char *const[]".
    std::size_t decl_end = end;
    while (decl_end > begin && tokens[decl_end - 1].text == "]") {
        std::size_t open = decl_end - 1;
        int depth = 0;
        for (std::size_t k = decl_end; k > begin; --k) {
            if (tokens[k - 1].text == "]") ++depth;
            else if (tokens[k - 1].text == "[" && --depth == 0) {
                open = k - 1;
                break;
            }
        }
        if (open == decl_end - 1) break;
        decl_end = open;
    }
    // The name is the last identifier, unless it is a keyword, a struct tag or
    // the only word (an unnamed "size_t").
    std::size_t last = decl_end;
    for (std::size_t k = decl_end; k > begin; --k) {
        if (!is_annotation(tokens[k - 1].text)) {
            last = k - 1;
            break;
        }
    }
    std::size_t words = 0;
    for (std::size_t k = begin; k < decl_end; ++k)
        if (!is_annotation(tokens[k].text) && tokens[k].text != "const" && tokens[k].text != "volatile") ++words;
    bool named = last < decl_end && is_identifier(tokens[last]) && !is_type_keyword(tokens[last].text) && words > 1 &&
                 !(last > begin && (tokens[last - 1].text == "struct" || tokens[last - 1].text == "union" ||
                                    tokens[last - 1].text == "enum"));
    if (named) param.name = tokens[last].text;
    param.type = join_without(tokens, begin, end, named ? last : end);
    return param;
}

std::optional<CFunction> parse_prototype(std::string_view declaration) {
    std::vector<Token> tokens = tokenize(declaration);
    while (!tokens.empty() && tokens.back().text == ";") tokens.pop_back();
    const std::string written = join_tokens(tokens, 0, tokens.size()) + ";";
    const bool deprecated = drop_attributes(tokens);
    if (tokens.empty() || tokens[0].text == "typedef" || tokens[0].text == "#" ||
        (tokens[0].text == "struct" && tokens.size() > 2 && tokens[2].text == "{"))
        return std::nullopt;
    // Leading [[attributes]] are not part of the return type.
    std::size_t start = 0;
    while (start + 1 < tokens.size() && tokens[start].text == "[" && tokens[start + 1].text == "[") {
        start = matching(tokens, start, tokens.size()) + 1;
    }
    std::size_t name_at = tokens.size();
    for (std::size_t i = start; i + 1 < tokens.size(); ++i) {
        if (is_identifier(tokens[i]) && tokens[i + 1].text == "(" && !is_type_keyword(tokens[i].text) &&
            tokens[i].text != "__attribute__" && tokens[i].text != "sizeof") {
            name_at = i;
            break;
        }
        if (tokens[i].text == "{" || tokens[i].text == "=") return std::nullopt;
    }
    if (name_at == tokens.size() || name_at == start) return std::nullopt;
    std::size_t open = name_at + 1;
    std::size_t close = matching(tokens, open, tokens.size());
    if (close == tokens.size()) return std::nullopt;

    CFunction fn;
    fn.name = tokens[name_at].text;
    fn.text = written;
    fn.deprecated = deprecated;
    // For `void (*signal(int, ...))(int)` the return type is what surrounds the name.
    std::vector<Token> ret(tokens.begin() + static_cast<std::ptrdiff_t>(start),
                           tokens.begin() + static_cast<std::ptrdiff_t>(name_at));
    std::vector<Token> kept;
    for (const Token& t : ret)
        if (!is_annotation(t.text)) kept.push_back(t);
    fn.return_type = join_tokens(kept, 0, kept.size());
    if (close + 1 < tokens.size() && tokens[close + 1].text == ")") {
        // Function returning a function pointer: append the outer declarator.
        std::string outer = join_tokens(tokens, close + 1, tokens.size());
        fn.return_type += outer;
    }
    // GNU forward parameter declarations ("size_t count;") come before the
    // last top-level ';' and only declare what the parameters use.
    std::size_t params_begin = open + 1;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (is_open(tokens[i])) i = matching(tokens, i, close);
        else if (tokens[i].text == ";") params_begin = i + 1;
    }
    auto parts = split_commas(tokens, params_begin, close);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        auto [b, e] = parts[p];
        if (b == e) continue;
        if (e - b == 1 && tokens[b].kind == Token::Kind::ellipsis) {
            fn.variadic = true;
            continue;
        }
        if (parts.size() == 1 && e - b == 1 && tokens[b].text == "void") continue;
        if (p == 0 && fn.name == "syscall" && e - b == 1 && tokens[b].text.rfind("SYS_", 0) == 0) {
            fn.syscall_name = tokens[b].text.substr(4);
            continue;
        }
        fn.params.push_back(parse_parameter(tokens, b, e));
    }
    return fn;
}

namespace {

// The first token in [begin, end) spelled `text`, or `end`.
std::size_t find_token(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, std::string_view text) {
    for (std::size_t k = begin; k < end; ++k)
        if (tokens[k].text == text) return k;
    return end;
}

// A nested struct/union member: its type is shown as "union {...}", one
// field per declarator, or one unnamed field when it has none.
void add_nested_members(const std::vector<Token>& tokens, std::size_t b, std::size_t brace, std::size_t e,
                        CStruct& out) {
    std::size_t close = matching(tokens, brace, e);
    std::string type = join_tokens(tokens, b, brace) + " {...}";
    for (auto [db, de] : split_commas(tokens, close + 1, e)) {
        CParameter p = parse_parameter(tokens, db, de);
        out.fields.push_back({type, p.name.empty() ? p.text : p.name, "", tokens[b].line});
    }
    if (close + 1 >= e) out.fields.push_back({type, "", "", tokens[b].line});
}

// The base type the later declarators of a member reuse: the first's type
// without its pointer stars and array suffix.
std::string base_type_of(std::string type) {
    while (!type.empty() && (type.back() == '*' || type.back() == ' ')) type.pop_back();
    if (auto bracket = type.find('['); bracket != std::string::npos) type.erase(bracket);
    return type;
}

// "int a, *b": a later declarator, parsed behind a stand-in type word so
// its last identifier reads as the name, given the base type.
CParameter parse_later_declarator(const std::vector<Token>& tokens, std::size_t db, std::size_t de,
                                  const std::string& base_type) {
    std::vector<Token> declarator{{Token::Kind::identifier, "int", tokens[db].line}};
    declarator.insert(declarator.end(), tokens.begin() + static_cast<std::ptrdiff_t>(db),
                      tokens.begin() + static_cast<std::ptrdiff_t>(de));
    CParameter p = parse_parameter(declarator, 0, declarator.size());
    std::string suffix = p.type.size() > 3 ? p.type.substr(3) : "";
    while (!suffix.empty() && suffix.front() == ' ') suffix.erase(suffix.begin());
    p.type = base_type;
    if (!suffix.empty() && suffix.front() != '[') p.type += ' ';
    p.type += suffix;
    return p;
}

// Arrays: the suffix moves from the type to `array`.
CField field_of(const CParameter& p, int line) {
    CField field{p.type, p.name, "", line};
    if (auto bracket = field.type.find('['); bracket != std::string::npos && field.type.find("(*") == std::string::npos) {
        field.array = field.type.substr(bracket);
        field.type.erase(bracket);
        while (!field.type.empty() && field.type.back() == ' ') field.type.pop_back();
    }
    return field;
}

// One member declaration in [b, e), without its ';'.
void add_member(const std::vector<Token>& tokens, std::size_t b, std::size_t e, CStruct& out) {
    if (tokens[b].kind == Token::Kind::ellipsis || tokens[b].text == "#") return;
    e = find_token(tokens, b, e, ":");  // bit-fields: drop ": width"
    if (std::size_t brace = find_token(tokens, b, e, "{"); brace != e) {
        add_nested_members(tokens, b, brace, e, out);
        return;
    }
    auto declarators = split_commas(tokens, b, e);
    // The first declarator carries the base type; the others reuse it.
    std::string base_type;
    for (std::size_t d = 0; d < declarators.size(); ++d) {
        auto [db, de] = declarators[d];
        CParameter p;
        if (d == 0) {
            p = parse_parameter(tokens, db, de);
            base_type = base_type_of(p.type);
        } else {
            p = parse_later_declarator(tokens, db, de, base_type);
        }
        out.fields.push_back(field_of(p, tokens[db].line));
    }
}

void add_members(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, CStruct& out) {
    std::size_t start = begin;
    for (std::size_t i = begin; i <= end; ++i) {
        if (i < end && tokens[i].text == "{") {
            i = matching(tokens, i, end);
            continue;
        }
        if (i < end && tokens[i].text != ";") continue;
        std::size_t b = start;
        start = i + 1;
        if (b < i) add_member(tokens, b, i, out);
    }
}

}  // namespace

std::vector<CStruct> find_structs(std::string_view code, int first_line) {
    std::vector<Token> tokens = tokenize(code, first_line);
    std::vector<CStruct> found;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (tokens[i].text != "struct" || !is_identifier(tokens[i + 1]) || tokens[i + 2].text != "{") continue;
        // Only top-level declarations, not `typedef struct x {`: the keyword
        // before must be nothing, ';', '}' or a preprocessor line's end.
        std::size_t open = i + 2;
        std::size_t close = matching(tokens, open, tokens.size());
        if (close == tokens.size()) continue;
        CStruct s;
        s.name = tokens[i + 1].text;
        s.line = tokens[i].line;
        add_members(tokens, open + 1, close, s);
        std::size_t after = close + 1;
        std::size_t attr_begin = after;
        while (after < tokens.size() && tokens[after].text != ";") {
            if (tokens[after].text == "(") after = matching(tokens, after, tokens.size());
            ++after;
        }
        if (attr_begin < tokens.size() && tokens[attr_begin].text == "__attribute__")
            s.attributes = join_tokens(tokens, attr_begin, std::min(after, tokens.size()));
        s.text = join_tokens(tokens, i, std::min(after + 1, tokens.size()));
        found.push_back(std::move(s));
        i = close;
    }
    return found;
}

}  // namespace manaudit::cdecl
