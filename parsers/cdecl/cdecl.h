// Parsing C prototypes and struct declarations as man pages show them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/cdecl/c_tokens.h"

namespace manaudit::cdecl {

struct CParameter {
    std::string type;  ///< "const char *", "void (*)(int)", "char *const[]"
    std::string name;  ///< empty if unnamed
    std::string text;  ///< as written, whitespace normalized
};

struct CFunction {
    std::string text;         ///< the declaration, whitespace normalized, with its ';'
    std::string return_type;  ///< "int", "void *"
    std::string name;
    std::vector<CParameter> params;  ///< `...` is not a parameter; see `variadic`
    bool variadic = false;
    std::string syscall_name;  ///< "readdir" for syscall(SYS_readdir, ...); its SYS_ argument is dropped
    bool deprecated = false;   ///< declared `[[deprecated]]` (man-pages 6.x marks obsolete calls so)
};

/// Parses one function declaration ("int open(const char *pathname, int flags);"),
/// in every form man pages use: `[[deprecated]]` and other attributes, GNU
/// forward parameter declarations ("ssize_t read(size_t count; int fd,
/// void buf[count], size_t count);": the part before the last ';' only
/// declares), array parameters sized by another parameter, and the
/// `_Nullable`/`_Nonnull` qualifiers (not part of the type).
/// Returns nothing for anything that is not one (typedefs, variables, macros).
std::optional<CFunction> parse_prototype(std::string_view declaration);

/// Parses one parameter or struct member declaration (without ';').
CParameter parse_parameter(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

struct CField {
    std::string type;   ///< "uint32_t", "struct timespec", "void (*)(int)"
    std::string name;
    std::string array;  ///< "[16]", empty if not an array
    int line = 0;
};

struct CStruct {
    std::string name;  ///< the tag, without "struct"
    std::string text;  ///< the declaration as tokens, whitespace normalized
    std::vector<CField> fields;
    std::string attributes;  ///< "__attribute__((packed))" when shown
    int line = 0;            ///< line of `struct x {`
};

/// Finds `struct x { ... };` declarations in code; `first_line` is the line
/// of the code's first line.
std::vector<CStruct> find_structs(std::string_view code, int first_line);

}  // namespace manaudit::cdecl
